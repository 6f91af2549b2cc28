import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ServiceModel } from '../../services/dto/service.model.js';
import { PageInfo } from '../../shared/page-info.model.js';

export enum HealthEnum {
  HEALTHY = 'HEALTHY',
  DEGRADED = 'DEGRADED',
  UNHEALTHY = 'UNHEALTHY',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(HealthEnum, { name: 'Health' });

@ObjectType('ServiceGroupMember', { description: 'The group’s service in one cluster' })
export class ServiceGroupMemberModel {
  @Field()
  @ApiProperty()
  cluster!: string;

  @Field(() => HealthEnum)
  @ApiProperty({ enum: HealthEnum })
  health!: HealthEnum;

  @Field(() => ServiceModel)
  @ApiProperty({ type: ServiceModel })
  service!: ServiceModel;
}

@ObjectType('ServiceGroup', { description: 'Services with the same namespace and name across clusters (namespace sameness), as one entry' })
export class ServiceGroupModel {
  @Field(() => ID)
  @ApiProperty()
  id!: string;

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  clusters!: string[];

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  types!: string[];

  @Field({ description: 'false when members differ in type or ports' })
  @ApiProperty()
  consistent!: boolean;

  @Field(() => HealthEnum, { description: 'The worst member health' })
  @ApiProperty({ enum: HealthEnum })
  health!: HealthEnum;

  @Field(() => Int)
  @ApiProperty()
  readyEndpoints!: number;

  @Field(() => Int)
  @ApiProperty()
  totalEndpoints!: number;

  @Field(() => [ServiceGroupMemberModel])
  @ApiProperty({ type: [ServiceGroupMemberModel] })
  members!: ServiceGroupMemberModel[];
}

@ObjectType()
export class ServiceGroupConnection {
  @Field(() => [ServiceGroupModel])
  nodes!: ServiceGroupModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

export class ServiceGroupPage {
  @ApiProperty({ type: [ServiceGroupModel] })
  items!: ServiceGroupModel[];

  @ApiProperty()
  totalCount!: number;

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
