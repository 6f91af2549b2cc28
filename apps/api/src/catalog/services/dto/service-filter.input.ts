import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import type { ServiceKindLabel } from '@switchboard/k8s-model';
import { ServiceKindSet } from '../../cluster-summary/dto/cluster-summary.model.js';
import { ServiceTypeEnum } from './service.model.js';

export enum ServiceSortEnum {
  NAME = 'NAME',
  NAMESPACE = 'NAMESPACE',
  CLUSTER = 'CLUSTER',
  CREATED = 'CREATED',
}
registerEnumType(ServiceSortEnum, { name: 'ServiceSort', description: 'NAME, NAMESPACE and CLUSTER ascend; CREATED lists the newest first' });

@InputType({ description: 'Every field narrows the result; omitted fields do not filter' })
export class ServiceFilterInput {
  @Field(() => [String], { nullable: true, description: 'Cluster names' })
  clusters?: string[];

  @Field(() => [String], { nullable: true })
  namespaces?: string[];

  @Field(() => [ServiceTypeEnum], { nullable: true })
  types?: ServiceTypeEnum[];

  @Field(() => [ServiceKindSet], { nullable: true, description: 'Any of these kinds, as readers tell them apart: Headless is a ClusterIP service without a cluster IP, ClusterIP the others' })
  kinds?: ServiceKindLabel[];

  @Field({ nullable: true, description: 'Kubernetes label selector, e.g. "app=web,tier in (fe,be),!canary"' })
  labelSelector?: string;

  @Field({ nullable: true, description: 'true: only services with findings; false: only healthy ones' })
  hasDiagnostics?: boolean;

  @Field({ nullable: true, description: 'Text search over name, namespace, labels and the ingress hosts routing to the service' })
  search?: string;
}
