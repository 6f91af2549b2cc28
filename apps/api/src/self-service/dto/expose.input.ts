import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { type PathType, PathTypeSet } from '../../catalog/shared/kube-enums.js';

export enum ExposeViaEnum {
  NODE_PORT = 'NODE_PORT',
  LOAD_BALANCER = 'LOAD_BALANCER',
  INGRESS = 'INGRESS',
}
registerEnumType(ExposeViaEnum, { name: 'ExposeVia' });


@InputType()
export class TlsInput {
  @Field({ description: 'Secret holding the certificate for host' })
  secretName!: string;
}

@InputType()
export class ExposeInput {
  @Field(() => ExposeViaEnum)
  via!: ExposeViaEnum;

  @Field(() => Int, { nullable: true, description: 'NODE_PORT/LOAD_BALANCER: fix the exposed port on this node port' })
  nodePort?: number | null;

  @Field(() => String, { nullable: true, description: 'INGRESS: the host name (required with tls)' })
  host?: string | null;

  @Field(() => String, { nullable: true, description: 'INGRESS: default "/"' })
  path?: string | null;

  @Field(() => PathTypeSet, { nullable: true, description: 'INGRESS: default Prefix' })
  pathType?: PathType | null;

  @Field(() => String, { nullable: true })
  ingressClassName?: string | null;

  @Field(() => TlsInput, { nullable: true })
  tls?: TlsInput | null;

  @Field(() => String, { nullable: true, description: 'The service port to expose, by number or name (default: the first)' })
  port?: string | null;

  @Field(() => String, { nullable: true, description: 'INGRESS: use or create this ingress (default: the one serving host, else a new one named after the service)' })
  ingressName?: string | null;
}

@InputType()
export class UnexposeInput {
  @Field(() => ExposeViaEnum)
  via!: ExposeViaEnum;

  @Field(() => String, { nullable: true, description: 'INGRESS: only paths of this host' })
  host?: string | null;

  @Field(() => String, { nullable: true, description: 'INGRESS: only this path' })
  path?: string | null;

  @Field(() => String, { nullable: true, description: 'INGRESS: only in this ingress' })
  ingressName?: string | null;
}
