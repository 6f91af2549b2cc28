import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ResourceKind, SyncStatus } from '@switchboard/k8s-model';
import { KeyValue } from '../../catalog/shared/label.model.js';
import { apiEnum } from '../../graphql/closed-set.js';
import type { AuthKind } from '../cluster.types.js';
import { ClusterAuthKindSet, ResourceKindSet, SyncStatusSet } from './cluster-enums.js';

@ObjectType('KindSyncState', { description: 'Where mirroring one kind of one cluster stands' })
export class KindSyncStateModel {
  @Field(() => ResourceKindSet)
  @ApiProperty(apiEnum(ResourceKindSet))
  kind!: ResourceKind;

  @Field(() => SyncStatusSet)
  @ApiProperty(apiEnum(SyncStatusSet))
  status!: SyncStatus;

  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  lastListAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @ApiPropertyOptional({ type: Date, nullable: true })
  lastEventAt!: Date | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  lastError!: string | null;

  @Field(() => Int)
  @ApiProperty()
  objectCount!: number;

  @Field(() => Int)
  @ApiProperty()
  relists!: number;

  @Field(() => Int)
  @ApiProperty()
  restarts!: number;

  @Field(() => Float, { nullable: true, description: 'Seconds from the newest event to its commit' })
  @ApiPropertyOptional({ type: Number, nullable: true })
  lagSeconds!: number | null;
}

@ObjectType('Cluster', { description: 'A registered cluster and how its mirror is doing (credentials are never shown)' })
export class ClusterModel {
  @Field(() => ID)
  @ApiProperty()
  id!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field()
  @ApiProperty()
  displayName!: string;

  @Field({ description: 'API server URL' })
  @ApiProperty()
  server!: string;

  @Field(() => ClusterAuthKindSet)
  @ApiProperty(apiEnum(ClusterAuthKindSet))
  authKind!: AuthKind;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  context!: string | null;

  @Field()
  @ApiProperty()
  clusterDomain!: string;

  @Field(() => [KeyValue])
  @ApiProperty({ type: [KeyValue] })
  labels!: KeyValue[];

  @Field()
  @ApiProperty()
  paused!: boolean;

  @Field(() => SyncStatusSet, { description: 'The worst state over its kinds (PAUSED when paused)' })
  @ApiProperty({ ...apiEnum(SyncStatusSet), description: 'The worst state over its kinds (PAUSED when paused)' })
  status!: SyncStatus;

  @Field(() => [KindSyncStateModel])
  @ApiProperty({ type: [KindSyncStateModel] })
  syncStates!: KindSyncStateModel[];

  @Field()
  @ApiProperty()
  createdAt!: Date;

  @Field()
  @ApiProperty()
  updatedAt!: Date;
}

@InputType()
export class LabelInput {
  @Field()
  @ApiProperty()
  key!: string;

  @Field()
  @ApiProperty()
  value!: string;
}

@InputType({ description: 'Exactly one of kubeconfig (+ contexts), server + token (+ caData), or inCluster' })
export class RegisterClusterInput {
  @Field({ nullable: true, description: 'Defaults to the context name when registering from a kubeconfig' })
  @ApiPropertyOptional()
  name?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  displayName?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  kubeconfig?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  context?: string;

  @Field(() => [String], { nullable: true, description: 'Several contexts: one cluster each, named after the context' })
  @ApiPropertyOptional({ type: [String] })
  contexts?: string[];

  @Field({ nullable: true })
  @ApiPropertyOptional()
  server?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  token?: string;

  @Field({ nullable: true, description: 'PEM or base64 PEM of the API server CA' })
  @ApiPropertyOptional()
  caData?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  inCluster?: boolean;

  @Field(() => [LabelInput], { nullable: true, description: 'e.g. environment, region, owner' })
  @ApiPropertyOptional({ type: [LabelInput] })
  labels?: LabelInput[];

  @Field({ nullable: true })
  @ApiPropertyOptional()
  clusterDomain?: string;
}

@InputType()
export class UpdateClusterInput {
  @Field({ nullable: true })
  @ApiPropertyOptional()
  name?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  displayName?: string;

  @Field(() => [LabelInput], { nullable: true })
  @ApiPropertyOptional({ type: [LabelInput] })
  labels?: LabelInput[];

  @Field({ nullable: true })
  @ApiPropertyOptional()
  clusterDomain?: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  paused?: boolean;
}
