import { Field, InputType, Int } from '@nestjs/graphql';
import { type Protocol, ProtocolSet } from '../../catalog/shared/kube-enums.js';
import { ServiceTypeEnum } from '../../catalog/services/dto/service.model.js';
import { KeyValueInput } from './key-value.input.js';


@InputType()
export class ServicePortInput {
  @Field(() => String, { nullable: true, description: 'Required when the service has several ports (DNS-1123 label)' })
  name?: string | null;

  @Field(() => Int, { description: '1–65535' })
  port!: number;

  @Field(() => String, { nullable: true, description: 'A number or a container port name; defaults to port' })
  targetPort?: string | null;

  @Field(() => ProtocolSet, { nullable: true, description: 'Default TCP' })
  protocol?: Protocol | null;

  @Field(() => Int, { nullable: true, description: 'NodePort/LoadBalancer only: a fixed node port in 30000–32767 (default: allocated)' })
  nodePort?: number | null;

  @Field(() => String, { nullable: true })
  appProtocol?: string | null;
}

/** Fields shared by create and update (update: absent keeps, null clears). */
@InputType({ isAbstract: true })
export class ServiceFieldsInput {
  @Field(() => ServiceTypeEnum, { nullable: true, description: 'Default ClusterIP' })
  type?: ServiceTypeEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'clusterIP None (ClusterIP type only)' })
  headless?: boolean | null;

  @Field(() => [KeyValueInput], { nullable: true })
  selector?: KeyValueInput[] | null;

  @Field(() => [ServicePortInput], { nullable: true })
  ports?: ServicePortInput[] | null;

  @Field(() => String, { nullable: true, description: 'ExternalName only: the DNS name the service aliases' })
  externalName?: string | null;

  @Field(() => [KeyValueInput], { nullable: true })
  labels?: KeyValueInput[] | null;

  @Field(() => [KeyValueInput], { nullable: true })
  annotations?: KeyValueInput[] | null;
}

@InputType()
export class CreateServiceInput extends ServiceFieldsInput {
  @Field({ description: 'DNS-1035 label, at most 63 characters' })
  name!: string;
}

@InputType()
export class UpdateServiceInput extends ServiceFieldsInput {
  @Field(() => String, { nullable: true, description: 'Only change the service if it is still at this version (else CONFLICT)' })
  resourceVersion?: string | null;
}
