import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ConnectionModel, ConnectivityAnalysisModel, ConnectivityPeerModel, ConnectivityWorkloadModel } from '../../../connectivity/dto/connectivity-analysis.model.js';

@ObjectType('ClusterConnectivity', { description: "The connections a mirrored cluster's NetworkPolicies allow between its workloads (and outside ranges), each with why" })
export class ClusterConnectivityModel extends ConnectivityAnalysisModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field({ description: 'When the answer was computed from the mirror (it reflects every change the mirror had reported by then)' })
  @ApiProperty({ type: String, format: 'date-time' })
  computedAt!: Date;
}

@InputType('WorkloadFocusInput', { description: 'One workload, as the connection list names it (ns/name[Kind])' })
export class WorkloadFocusInput {
  @Field()
  namespace!: string;

  @Field({ description: 'Deployment, StatefulSet, DaemonSet, CronJob, Job, ReplicaSet, ReplicationController or Pod' })
  kind!: string;

  @Field()
  name!: string;
}

@ObjectType('WorkloadConnectivity', { description: 'What one workload can reach and what can reach it (allowed connections only)' })
export class WorkloadConnectivityModel {
  @Field(() => [ConnectionModel])
  @ApiProperty({ type: [ConnectionModel] })
  canReach!: ConnectionModel[];

  @Field(() => [ConnectionModel])
  @ApiProperty({ type: [ConnectionModel] })
  reachableFrom!: ConnectionModel[];
}

@ObjectType('NetworkPolicyEffect', { description: 'What one NetworkPolicy selects and which connections its rules allow' })
export class NetworkPolicyEffectModel {
  @Field(() => [ConnectivityWorkloadModel], { description: 'Workloads with some pod the policy selects' })
  @ApiProperty({ type: [ConnectivityWorkloadModel] })
  selectedWorkloads!: ConnectivityWorkloadModel[];

  @Field(() => [ConnectionModel], { description: "Allowed connections whose why names one of this policy's rules" })
  @ApiProperty({ type: [ConnectionModel] })
  allows!: ConnectionModel[];
}

@ObjectType('ConnectionChange')
export class ConnectionChangeModel {
  @Field(() => ConnectivityPeerModel)
  @ApiProperty({ type: ConnectivityPeerModel })
  source!: ConnectivityPeerModel;

  @Field(() => ConnectivityPeerModel)
  @ApiProperty({ type: ConnectivityPeerModel })
  destination!: ConnectivityPeerModel;

  @Field(() => ConnectionModel)
  @ApiProperty({ type: ConnectionModel })
  before!: ConnectionModel;

  @Field(() => ConnectionModel)
  @ApiProperty({ type: ConnectionModel })
  after!: ConnectionModel;
}

@ObjectType('ConnectivityDiff', { description: 'What applying manifests over a mirrored cluster would change in its allowed connections' })
export class ConnectivityDiffModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field({ description: 'When the mirrored side was computed' })
  @ApiProperty({ type: String, format: 'date-time' })
  computedAt!: Date;

  @Field(() => [ConnectionModel], { description: 'Pairs with nothing allowed before and something after (as after)' })
  @ApiProperty({ type: [ConnectionModel] })
  gained!: ConnectionModel[];

  @Field(() => [ConnectionModel], { description: 'Pairs with something allowed before and nothing after (as before)' })
  @ApiProperty({ type: [ConnectionModel] })
  lost!: ConnectionModel[];

  @Field(() => [ConnectionChangeModel], { description: 'Pairs whose allowed set changed but is not empty before or after' })
  @ApiProperty({ type: [ConnectionChangeModel] })
  changed!: ConnectionChangeModel[];
}
