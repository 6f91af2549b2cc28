import { type FragmentDefinitionNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measure } from './query-shape.js';

function shapeOf(query: string) {
  const doc = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  return measure(op as never, fragments);
}

describe('measure', () => {
  it.each([
    ['{ a }', { depth: 1, aliases: 0, cost: 1 }],
    ['{ a { b { c } } }', { depth: 3, aliases: 0, cost: 3 }],
    ['{ x: a y: a }', { depth: 1, aliases: 2, cost: 2 }],
    // a connection with first: 10 multiplies what is under it
    ['{ services(first: 10) { edges { node { name } } } }', { depth: 4, aliases: 0, cost: 1 + 10 * 3 }],
    // nested connections multiply
    ['{ clusters(first: 5) { nodes { services(first: 10) { nodes { name } } } } }', { depth: 5, aliases: 0, cost: 1 + 5 * (1 + (1 + 10 * 2)) }],
    // absent first on a connection assumes the default page (20); a variable assumes the maximum (100)
    ['{ services { nodes { name } } }', { depth: 3, aliases: 0, cost: 1 + 20 * 2 }],
    ['query Q($n: Int) { services(first: $n) { nodes { name } } }', { depth: 3, aliases: 0, cost: 1 + 100 * 2 }],
    // fragments are expanded; a fragment cycle is cut
    ['fragment F on T { a { b } } { root { ...F } }', { depth: 3, aliases: 0, cost: 3 }],
    ['fragment F on T { a { ...F } } { root { ...F } }', { depth: 2, aliases: 0, cost: 2 }],
    // introspection is exempt
    ['{ __schema { types { name } } a }', { depth: 1, aliases: 0, cost: 1 }],
  ])('%s', (query, expected) => {
    expect(shapeOf(query)).toEqual(expected);
  });
});
