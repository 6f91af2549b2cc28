import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IngressModel } from '../../catalog/ingresses/dto/ingress.model.js';
import { ServiceModel } from '../../catalog/services/dto/service.model.js';
import { CatalogObjectKindSet } from '../../catalog/shared/diagnostic.model.js';
import { AccessUrl } from '../../catalog/shared/access-url.model.js';
import { apiEnum } from '../../graphql/closed-set.js';

export enum ChangeActionEnum {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  NONE = 'NONE',
}
registerEnumType(ChangeActionEnum, { name: 'ChangeAction', description: 'What a mutation did (or would do) to one object' });

@ObjectType('ObjectChange', { description: 'One object a mutation wrote, or would write on a dry run' })
export class ObjectChangeModel {
  @Field(() => ChangeActionEnum)
  @ApiProperty({ enum: ChangeActionEnum })
  action!: ChangeActionEnum;

  @Field(() => CatalogObjectKindSet)
  @ApiProperty(apiEnum(CatalogObjectKindSet))
  kind!: 'Service' | 'Ingress';

  @Field()
  @ApiProperty()
  namespace!: string;

  @Field()
  @ApiProperty()
  name!: string;

  @Field()
  @ApiProperty()
  summary!: string;

  @Field({ description: 'The server-side-apply manifest as YAML ("" for deletes)' })
  @ApiProperty()
  manifest!: string;

  @Field({ description: 'Current object → result, one line per field: "+ path: value", "- path: value", "~ path: old → new"' })
  @ApiProperty()
  diff!: string;
}

@ObjectType({ isAbstract: true })
export class MutationResultBase {
  @Field({ description: 'true when nothing was changed: the cluster validated the request with a server-side dry run' })
  @ApiProperty()
  dryRun!: boolean;

  @Field({ description: 'true when this is the stored answer of an earlier request with the same idempotency key' })
  @ApiProperty()
  replayed!: boolean;

  @Field({ description: 'true when the object was deleted' })
  @ApiProperty()
  deleted!: boolean;

  @Field(() => [ObjectChangeModel])
  @ApiProperty({ type: [ObjectChangeModel] })
  changes!: ObjectChangeModel[];

  @Field(() => [String])
  @ApiProperty({ type: [String] })
  notes!: string[];
}

@ObjectType()
export class ServiceMutationResult extends MutationResultBase {
  @Field(() => ServiceModel, { nullable: true, description: 'The service as the catalog now has it, with its access URLs (null for dry runs and deletes)' })
  @ApiPropertyOptional({ type: ServiceModel, nullable: true })
  service!: ServiceModel | null;

  @Field(() => [AccessUrl], { description: 'Dry runs: where the service will be reachable once applied (from the cluster\'s dry-run answer: allocated cluster IP and node ports); [] otherwise (see service.accessUrls)' })
  @ApiProperty({ type: [AccessUrl] })
  plannedAccessUrls!: AccessUrl[];
}

@ObjectType()
export class IngressMutationResult extends MutationResultBase {
  @Field(() => IngressModel, { nullable: true, description: 'The ingress as the catalog now has it, with its access URLs (null for dry runs and deletes)' })
  @ApiPropertyOptional({ type: IngressModel, nullable: true })
  ingress!: IngressModel | null;
}
