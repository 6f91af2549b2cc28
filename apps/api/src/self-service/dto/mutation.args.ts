import { ArgsType, Field } from '@nestjs/graphql';

/** Where a new object goes. */
@ArgsType()
export class NamespaceArgs {
  @Field()
  cluster!: string;

  @Field()
  namespace!: string;
}

/** An existing object, addressed the Kubernetes way. */
@ArgsType()
export class ObjectArgs extends NamespaceArgs {
  @Field()
  name!: string;
}

/** What every mutation accepts besides its input. */
@ArgsType()
export class MutationOptionsArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Run the cluster's server-side dry run: validate and return manifests and diffs, change nothing" })
  dryRun!: boolean;

  @Field(() => String, { nullable: true, description: 'A retry with the same key returns the first answer instead of acting twice (24 h)' })
  idempotencyKey?: string;
}

@ArgsType()
export class WriteOptionsArgs extends MutationOptionsArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Take over fields another field manager (e.g. a GitOps tool) owns instead of failing with FIELD_MANAGER_CONFLICT' })
  force!: boolean;
}

@ArgsType()
export class DeleteOptionsArgs extends MutationOptionsArgs {
  @Field(() => String, { nullable: true, description: 'Only if the object is still at this version (else CONFLICT)' })
  resourceVersion?: string;
}
