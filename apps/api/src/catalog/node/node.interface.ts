import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** Relay's Node: anything with a global id can be fetched again with node(id). */
@InterfaceType('Node', {
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class NodeInterface {
  @Field(() => ID)
  id!: string;
}
