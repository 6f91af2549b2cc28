import { type LabelSelector, type LabelSelectorRequirement, SELECTOR_OPERATORS, type SelectorOperator } from '../catalog-types.js';
import type { Reader } from './reader.js';

/** A metav1.LabelSelector, both parts present; undefined/null stays null. */
export function readLabelSelector(r: Reader, v: unknown, field: string): LabelSelector | null {
  const o = r.obj(v, field);
  if (!o) return null;
  const matchExpressions: LabelSelectorRequirement[] = r.arr(o['matchExpressions'], `${field}.matchExpressions`).map((x, i) => {
    const f = `${field}.matchExpressions[${i}]`;
    const e = r.obj(x, f) ?? {};
    const operator = r.reqStr(e['operator'], `${f}.operator`);
    if (!(SELECTOR_OPERATORS as readonly string[]).includes(operator)) r.fail(`${f}.operator`, `expected one of ${SELECTOR_OPERATORS.join(', ')}, got ${JSON.stringify(operator)}`);
    return { key: r.reqStr(e['key'], `${f}.key`), operator: operator as SelectorOperator, values: r.strList(e['values'], `${f}.values`) };
  });
  return { matchLabels: r.strMap(o['matchLabels'], `${field}.matchLabels`), matchExpressions };
}
