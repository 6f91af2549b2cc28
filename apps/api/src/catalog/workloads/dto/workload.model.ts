import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KeyValue, toKeyValues } from '../../shared/label.model.js';
import { LabelSelectorModel, toLabelSelectorModel } from '../../network-policies/dto/label-selector.model.js';
import type { TopWorkload } from '../catalog-workload.js';

@ObjectType('Workload', { description: 'The top of pods\' owner chains: a Deployment (via its ReplicaSets), StatefulSet, DaemonSet, CronJob (via its Jobs), Job, ReplicaSet or ReplicationController, or a bare Pod' })
export class WorkloadModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field({ description: 'The Kubernetes kind: one of the workload kinds, Pod for a pod no controller owns, or the kind of an owner the catalog does not mirror (a custom controller)' })
  @ApiProperty()
  kind!: string;

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field(() => String, { nullable: true, description: 'null for a bare pod' })
  @ApiPropertyOptional({ type: String, nullable: true })
  uid!: string | null;

  @Field({ description: 'The catalog mirrors this workload (selector, template labels and replicas are known)' })
  @ApiProperty()
  mirrored!: boolean;

  @Field(() => Int, { nullable: true, description: 'spec.replicas (a Job: parallelism); null for DaemonSets, CronJobs and what is not mirrored' })
  @ApiPropertyOptional({ type: Number, nullable: true })
  replicas!: number | null;

  @Field(() => LabelSelectorModel, { nullable: true })
  @ApiPropertyOptional({ type: LabelSelectorModel, nullable: true })
  selector!: LabelSelectorModel | null;

  @Field(() => [KeyValue], { description: "Labels of the pods it creates" })
  @ApiProperty({ type: [KeyValue] })
  templateLabels!: KeyValue[];

  @Field(() => [String], { description: 'Names of the mirrored pods it runs' })
  @ApiProperty({ type: [String] })
  pods!: string[];
}

export function toWorkloadModel(t: TopWorkload): WorkloadModel {
  return {
    cluster: t.cluster,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    uid: t.uid,
    mirrored: t.mirrored !== null,
    replicas: t.mirrored?.replicas ?? null,
    selector: toLabelSelectorModel(t.mirrored?.selector ?? null),
    templateLabels: toKeyValues(t.mirrored?.templateLabels),
    pods: [...t.pods],
  };
}
