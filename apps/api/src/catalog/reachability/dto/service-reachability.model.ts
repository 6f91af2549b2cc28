import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ConnectionWhyModel, ConnectivityPeerModel } from '../../../connectivity/dto/connectivity-analysis.model.js';
import { apiEnum } from '../../../graphql/closed-set.js';
import { ProtocolSet, type Protocol } from '../../shared/kube-enums.js';

@ObjectType('ReachingPeer')
export class ReachingPeerModel {
  @Field(() => ConnectivityPeerModel)
  @ApiProperty({ type: ConnectivityPeerModel })
  peer!: ConnectivityPeerModel;

  @Field(() => ConnectionWhyModel)
  @ApiProperty({ type: ConnectionWhyModel })
  why!: ConnectionWhyModel;

  @Field({ description: 'All backend pods (true) or only some (false, e.g. a named port only some pods define)' })
  @ApiProperty({ description: 'All backend pods (true) or only some (false, e.g. a named port only some pods define)' })
  allBackends!: boolean;
}

@ObjectType('ServicePortReachability')
export class ServicePortReachabilityModel {
  @Field(() => String, { nullable: true, description: "The service port's name" })
  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @Field(() => Int, { description: 'Service port' })
  @ApiProperty({ type: 'integer' })
  port!: number;

  @Field({ description: 'As written (number or name)' })
  @ApiProperty({ description: 'As written (number or name)' })
  targetPort!: string;

  @Field(() => ProtocolSet)
  @ApiProperty(apiEnum(ProtocolSet))
  protocol!: Protocol;

  @Field(() => [ReachingPeerModel], { description: 'Peers (workloads and outside ranges) that can open this port on at least one backend pod' })
  @ApiProperty({ type: [ReachingPeerModel] })
  allowedFrom!: ReachingPeerModel[];

  @Field(() => [ReachingPeerModel], { description: 'Workloads in the cluster that cannot (with why); outside ranges that cannot are omitted' })
  @ApiProperty({ type: [ReachingPeerModel] })
  deniedFrom!: ReachingPeerModel[];
}

@ObjectType('ServiceReachability')
export class ServiceReachabilityModel {
  @Field({ description: 'When the cluster reachability this answer comes from was computed' })
  @ApiProperty({ type: String, format: 'date-time' })
  computedAt!: Date;

  @Field(() => [ConnectivityPeerModel], { description: "Workloads whose pods back the service (its selector's pods)" })
  @ApiProperty({ type: [ConnectivityPeerModel] })
  backends!: ConnectivityPeerModel[];

  @Field({ description: 'true when some backend pod is selected by an ingress policy' })
  @ApiProperty({ description: 'true when some backend pod is selected by an ingress policy' })
  isolated!: boolean;

  @Field(() => [ServicePortReachabilityModel])
  @ApiProperty({ type: [ServicePortReachabilityModel] })
  ports!: ServicePortReachabilityModel[];
}
