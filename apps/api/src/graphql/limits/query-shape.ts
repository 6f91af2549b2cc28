import {
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** What the limits look at: depth, alias count and an estimated cost of one operation. */
export interface QueryShape {
  depth: number;
  aliases: number;
  cost: number;
}

/** Page size assumed for a list field whose first/last is a variable or absent. */
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/**
 * Walks an operation with its fragments (each fragment spread expanded, cycles cut).
 * Cost: every field costs 1; a field with `first`/`last` multiplies its children by
 * the page size, so nested connections grow multiplicatively as they do in SQL.
 */
export function measure(op: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): QueryShape {
  let aliases = 0;
  const walk = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): { depth: number; cost: number } => {
    if (!set) return { depth, cost: 0 };
    let maxDepth = depth;
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++;
        // Introspection is exempt (as graphql-armor does): clients' standard
        // introspection query is deeper than any sensible limit for data.
        if (sel.name.value.startsWith('__')) continue;
        const child = walk(sel.selectionSet, depth + 1, seen);
        maxDepth = Math.max(maxDepth, child.depth);
        cost += 1 + pageSize(sel) * child.cost;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const child = walk(sel.selectionSet, depth, seen);
        maxDepth = Math.max(maxDepth, child.depth);
        cost += child.cost;
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue;
        const child = walk(frag.selectionSet, depth, new Set([...seen, name]));
        maxDepth = Math.max(maxDepth, child.depth);
        cost += child.cost;
      }
    }
    return { depth: maxDepth, cost };
  };
  const { depth, cost } = walk(op.selectionSet, 0, new Set());
  return { depth, aliases, cost };
}

function pageSize(field: FieldNode): number {
  if (!field.selectionSet) return 1;
  const arg = field.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last');
  if (!arg) return hasConnectionShape(field) ? DEFAULT_PAGE : 1;
  return intValue(arg.value) ?? MAX_PAGE;
}

function hasConnectionShape(field: FieldNode): boolean {
  return field.selectionSet!.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === 'edges' || s.name.value === 'nodes'));
}

function intValue(v: ValueNode): number | undefined {
  return v.kind === Kind.INT ? Math.min(Math.max(Number(v.value), 0), MAX_PAGE) : undefined;
}

export function isOperation(node: ASTNode): node is OperationDefinitionNode {
  return node.kind === Kind.OPERATION_DEFINITION;
}
