import { Field, InputType } from '@nestjs/graphql';
import { type PathType, PathTypeSet } from '../../catalog/shared/kube-enums.js';
import { KeyValueInput } from './key-value.input.js';

@InputType()
export class IngressPathInput {
  @Field(() => String, { nullable: true, description: 'Starts with "/" (Exact and Prefix)' })
  path?: string | null;

  @Field(() => PathTypeSet)
  pathType!: PathType;

  @Field({ description: 'Backend service name (same namespace)' })
  service!: string;

  @Field({ description: 'Backend service port, by number or name' })
  port!: string;
}

@InputType()
export class IngressRuleInput {
  @Field(() => String, { nullable: true, description: 'Omit for a rule that matches any host' })
  host?: string | null;

  @Field(() => [IngressPathInput])
  paths!: IngressPathInput[];
}

@InputType()
export class IngressTlsInput {
  @Field(() => [String], { nullable: true, description: 'Each must appear in a rule' })
  hosts?: string[] | null;

  @Field(() => String, { nullable: true })
  secretName?: string | null;
}

@InputType()
export class IngressBackendInput {
  @Field()
  service!: string;

  @Field()
  port!: string;
}

@InputType({ isAbstract: true })
export class IngressFieldsInput {
  @Field(() => String, { nullable: true })
  ingressClassName?: string | null;

  @Field(() => [IngressRuleInput], { nullable: true })
  rules?: IngressRuleInput[] | null;

  @Field(() => [IngressTlsInput], { nullable: true })
  tls?: IngressTlsInput[] | null;

  @Field(() => IngressBackendInput, { nullable: true })
  defaultBackend?: IngressBackendInput | null;

  @Field(() => [KeyValueInput], { nullable: true })
  labels?: KeyValueInput[] | null;

  @Field(() => [KeyValueInput], { nullable: true })
  annotations?: KeyValueInput[] | null;
}

@InputType()
export class CreateIngressInput extends IngressFieldsInput {
  @Field({ description: 'DNS-1123 subdomain' })
  name!: string;
}

@InputType()
export class UpdateIngressInput extends IngressFieldsInput {
  @Field(() => String, { nullable: true, description: 'Only change the ingress if it is still at this version (else CONFLICT)' })
  resourceVersion?: string | null;
}
