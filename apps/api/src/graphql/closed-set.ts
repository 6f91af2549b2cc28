import { registerEnumType } from '@nestjs/graphql';

const NAME = Symbol('closedSetName');

/** `{ A: 'A', B: 'B' }` for a list of values: the shape GraphQL enums and OpenAPI `enum` take. */
export type ClosedSet<T extends string> = { readonly [K in T]: K } & { readonly [NAME]: string };

/**
 * A closed set of strings as a GraphQL enum (and, through `apiEnum`, an OpenAPI enum):
 * the values stay the wire strings REST already answers with, and the TypeScript type
 * stays the plain string union the domain code uses.
 */
export function closedSet<const T extends string>(name: string, values: readonly T[], description?: string): ClosedSet<T> {
  const set = Object.fromEntries(values.map((v) => [v, v]));
  // A symbol key: invisible to registerEnumType and Object.values.
  Object.defineProperty(set, NAME, { value: name });
  registerEnumType(Object.freeze(set), { name, ...(description ? { description } : {}) });
  return set as ClosedSet<T>;
}

/** `@ApiProperty` options for a closed set, named like its GraphQL enum so OpenAPI clients share one type. */
export function apiEnum<T extends string>(set: ClosedSet<T>): { enum: T[]; enumName: string } {
  return { enum: Object.values(set) as T[], enumName: set[NAME] };
}
