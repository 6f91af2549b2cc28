import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { apiEnum, closedSet } from '../../graphql/closed-set.js';
import { ProtocolSet, type Protocol } from '../../catalog/shared/kube-enums.js';

export const CONNECTIVITY_PEER_TYPES = ['WORKLOAD', 'EXTERNAL'] as const;
export type ConnectivityPeerType = (typeof CONNECTIVITY_PEER_TYPES)[number];
export const ConnectivityPeerTypeSet = closedSet<ConnectivityPeerType>('ConnectivityPeerType', CONNECTIVITY_PEER_TYPES, 'WORKLOAD (pods grouped by their top owner) or EXTERNAL (an address range outside the cluster)');

export const HOST_NETWORK_MODES = ['AS_POD', 'OUTSIDE_POLICY'] as const;
export type HostNetworkMode = (typeof HOST_NETWORK_MODES)[number];
export const HostNetworkModeSet = closedSet<HostNetworkMode>(
  'HostNetworkMode',
  HOST_NETWORK_MODES,
  'How pods with hostNetwork are treated: AS_POD (like any pod, as netpol-analyzer does; the default, so answers diff cleanly against it) or OUTSIDE_POLICY (as most network plugins enforce: no policy isolates them and no pod or namespace selector matches them)',
);

@ObjectType('ConnectivityPeer')
export class ConnectivityPeerModel {
  @Field({ description: 'As netpol-analyzer prints it: ns/name[Kind], or a.b.c.d-e.f.g.h[External]' })
  @ApiProperty({ description: 'As netpol-analyzer prints it: ns/name[Kind], or a.b.c.d-e.f.g.h[External]' })
  id!: string;

  @Field(() => ConnectivityPeerTypeSet)
  @ApiProperty(apiEnum(ConnectivityPeerTypeSet))
  type!: ConnectivityPeerType;

  @Field(() => String, { nullable: true })
  @ApiProperty({ type: String, nullable: true })
  namespace!: string | null;

  @Field(() => String, { nullable: true, description: 'The workload name (null for EXTERNAL)' })
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController, Pod, or the owner kind as given (null for EXTERNAL)' })
  @ApiProperty({ type: String, nullable: true })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'first-last address (EXTERNAL only)' })
  @ApiProperty({ type: String, nullable: true })
  range!: string | null;
}

@ObjectType('PortRange')
export class PortRangeModel {
  @Field(() => ProtocolSet)
  @ApiProperty(apiEnum(ProtocolSet))
  protocol!: Protocol;

  @Field(() => Int)
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 65535 })
  from!: number;

  @Field(() => Int)
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 65535 })
  to!: number;
}

@ObjectType('PolicyRuleRef')
export class PolicyRuleRefModel {
  @Field({ description: 'namespace/name of the NetworkPolicy' })
  @ApiProperty({ description: 'namespace/name of the NetworkPolicy' })
  policy!: string;

  @Field({ description: 'ingress[i] or egress[i]' })
  @ApiProperty({ description: 'ingress[i] or egress[i]' })
  rule!: string;
}

@ObjectType('DirectionVerdict')
export class DirectionVerdictModel {
  @Field({ description: 'false: no policy selects this end in this direction, so it allows everything' })
  @ApiProperty()
  isolated!: boolean;

  @Field(() => [String], { description: 'Policies (namespace/name) that select this end in this direction' })
  @ApiProperty({ type: [String] })
  policies!: string[];

  @Field(() => [PolicyRuleRefModel], { description: 'Rules that match the other end and allow some port' })
  @ApiProperty({ type: [PolicyRuleRefModel] })
  allowedBy!: PolicyRuleRefModel[];
}

@ObjectType('ConnectionWhy')
export class ConnectionWhyModel {
  @Field({ description: "The source's egress side" })
  @ApiProperty({ type: DirectionVerdictModel })
  egress!: DirectionVerdictModel;

  @Field({ description: "The destination's ingress side" })
  @ApiProperty({ type: DirectionVerdictModel })
  ingress!: DirectionVerdictModel;

  @Field({ description: 'One line, e.g. "destination isolated by shop/api-in, no rule matches the source"' })
  @ApiProperty()
  summary!: string;
}

@ObjectType('PeerConnection')
export class ConnectionModel {
  @Field(() => ConnectivityPeerModel)
  @ApiProperty({ type: ConnectivityPeerModel })
  source!: ConnectivityPeerModel;

  @Field(() => ConnectivityPeerModel)
  @ApiProperty({ type: ConnectivityPeerModel })
  destination!: ConnectivityPeerModel;

  @Field({ description: 'Every port of TCP, UDP and SCTP is allowed' })
  @ApiProperty()
  all!: boolean;

  @Field(() => [PortRangeModel], { description: 'What is allowed, merged into ranges (empty: nothing)' })
  @ApiProperty({ type: [PortRangeModel] })
  ports!: PortRangeModel[];

  @Field({ description: 'The allowed connections as netpol-analyzer prints them ("All Connections", "TCP 8080-8081,UDP 53"), or "No Connections"' })
  @ApiProperty()
  text!: string;

  @Field(() => ConnectionWhyModel)
  @ApiProperty({ type: ConnectionWhyModel })
  why!: ConnectionWhyModel;
}

@ObjectType('ConnectivityWorkload')
export class ConnectivityWorkloadModel {
  @Field()
  @ApiProperty()
  id!: string;

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field()
  @ApiProperty()
  kind!: string;

  @Field(() => Int, { description: 'Pods it stands for (a workload manifest stands for one or two representative pods, as in netpol-analyzer)' })
  @ApiProperty({ type: 'integer' })
  pods!: number;
}

@ObjectType('IgnoredKind')
export class IgnoredKindModel {
  @Field()
  @ApiProperty()
  kind!: string;

  @Field(() => Int)
  @ApiProperty({ type: 'integer' })
  count!: number;
}

@ObjectType('ConnectivityAnalysis')
export class ConnectivityAnalysisModel {
  @Field(() => [ConnectivityWorkloadModel])
  @ApiProperty({ type: [ConnectivityWorkloadModel] })
  workloads!: ConnectivityWorkloadModel[];

  @Field(() => [String], { description: 'Outside ranges as sources, cut where ingress ipBlocks and their excepts cut the address space' })
  @ApiProperty({ type: [String] })
  externalSources!: string[];

  @Field(() => [String], { description: 'Outside ranges as destinations, cut by egress ipBlocks' })
  @ApiProperty({ type: [String] })
  externalDestinations!: string[];

  @Field(() => [ConnectionModel], { description: 'Pairs with some allowed connection, sorted by source then destination; with includeDenied, every pair' })
  @ApiProperty({ type: [ConnectionModel] })
  connections!: ConnectionModel[];

  @Field(() => Int, { description: 'Pairs (workload or range to workload or range, never a workload to itself) with nothing allowed' })
  @ApiProperty({ type: 'integer' })
  deniedPairs!: number;

  @Field(() => [IgnoredKindModel], { description: 'Kinds in the manifests that do not affect reachability (Service, ConfigMap, ...)' })
  @ApiProperty({ type: [IgnoredKindModel] })
  ignoredKinds!: IgnoredKindModel[];
}
