import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export enum AccessScope {
  IN_CLUSTER = 'IN_CLUSTER',
  NODE_NETWORK = 'NODE_NETWORK',
  PUBLIC = 'PUBLIC',
}
export enum AccessVia {
  CLUSTER_DNS = 'CLUSTER_DNS',
  CLUSTER_IP = 'CLUSTER_IP',
  NODE_PORT = 'NODE_PORT',
  LOAD_BALANCER = 'LOAD_BALANCER',
  INGRESS = 'INGRESS',
  EXTERNAL_NAME = 'EXTERNAL_NAME',
  POD = 'POD',
}
registerEnumType(AccessScope, { name: 'AccessScope', description: 'Where an access URL works' });
registerEnumType(AccessVia, { name: 'AccessVia', description: 'What makes an access URL work' });

@ObjectType({ description: 'One way to reach a service, and from where' })
export class AccessUrl {
  @Field({ description: 'A URL, a host:port, or a pattern for wildcard hosts' })
  @ApiProperty()
  url!: string;

  @Field(() => AccessScope)
  @ApiProperty({ enum: AccessScope })
  scope!: AccessScope;

  @Field(() => AccessVia)
  @ApiProperty({ enum: AccessVia })
  via!: AccessVia;

  @Field({ description: 'true while the address is not assigned yet (e.g. a pending load balancer)' })
  @ApiProperty()
  pending!: boolean;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  note?: string;

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional()
  port?: number;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  host?: string;

  @Field({ description: 'true for wildcard hosts: a pattern, not a link', defaultValue: false })
  @ApiProperty()
  pattern!: boolean;
}
