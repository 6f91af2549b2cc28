import { Field, InputType } from '@nestjs/graphql';
import type { ValidationIssue } from '@switchboard/k8s-model';

/** A label, annotation or selector entry (maps are lists of pairs in GraphQL, as in the outputs). */
@InputType()
export class KeyValueInput {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

/**
 * A GraphQL pair list as the map the domain takes; a key given twice is an issue
 * (a map cannot hold both values). `undefined`/`null` pass through: keep / clear.
 */
export function toMap(pairs: KeyValueInput[] | null | undefined, field: string, issues: ValidationIssue[]): Record<string, string> | null | undefined {
  if (pairs === undefined || pairs === null) return pairs;
  const out: Record<string, string> = {};
  pairs.forEach((p, i) => {
    if (p.key in out) issues.push({ field: `${field}[${i}].key`, rule: 'duplicate', message: `${field}[${i}].key: duplicate key ${JSON.stringify(p.key)}` });
    out[p.key] = p.value;
  });
  return out;
}
