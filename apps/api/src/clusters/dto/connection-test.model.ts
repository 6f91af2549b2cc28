import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { apiEnum, closedSet } from '../../graphql/closed-set.js';

/** What a connection test found: OK, or the same verdicts registration refuses with. */
export type ConnectionOutcome = 'OK' | 'UNREACHABLE' | 'TLS' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'ERROR';
export const CONNECTION_OUTCOMES: readonly ConnectionOutcome[] = ['OK', 'UNREACHABLE', 'TLS', 'UNAUTHORIZED', 'FORBIDDEN', 'ERROR'];
export const ConnectionOutcomeSet = closedSet<ConnectionOutcome>(
  'ClusterConnectionOutcome',
  CONNECTION_OUTCOMES,
  'OK: registration would succeed; UNREACHABLE, TLS, UNAUTHORIZED, FORBIDDEN (see forbidden), ERROR: what registering would be refused with (CLUSTER_<outcome>)',
);

@ObjectType('ClusterConnectionTest', { description: 'The connection test of one cluster that would be registered (nothing is stored)' })
export class ConnectionTestModel {
  @Field({ description: 'The cluster name registration would use' })
  @ApiProperty({ description: 'The cluster name registration would use' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The kubeconfig context tested' })
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The kubeconfig context tested' })
  context!: string | null;

  @Field({ description: 'API server URL' })
  @ApiProperty({ description: 'API server URL' })
  server!: string;

  @Field(() => ConnectionOutcomeSet)
  @ApiProperty(apiEnum(ConnectionOutcomeSet))
  outcome!: ConnectionOutcome;

  @Field(() => String, { nullable: true, description: 'The error code registering would answer (e.g. CLUSTER_TLS); null when OK' })
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The error code registering would answer (e.g. CLUSTER_TLS); null when OK' })
  errorCode!: string | null;

  @Field({ description: 'What was found, in words' })
  @ApiProperty({ description: 'What was found, in words' })
  message!: string;

  @Field(() => [String], { description: 'FORBIDDEN: each resource with the verbs the credentials lack, e.g. "missing list/watch on pods"' })
  @ApiProperty({ type: [String], description: 'FORBIDDEN: each resource with the verbs the credentials lack, e.g. "missing list/watch on pods"' })
  forbidden!: string[];
}
