import { formatLabelSelector, type LabelRequirement } from '@switchboard/k8s-model';
import type { LabelSelectorFieldsFragment } from '../../lib/graphql/generated/graphql';

const OP: Record<string, LabelRequirement['op']> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: 'notexists' };

/** A LabelSelector as kubectl writes selectors (`app=web,tier in (a,b)`); the empty selector matches everything. */
export function selectorText(s: LabelSelectorFieldsFragment): string {
  const reqs: LabelRequirement[] = [
    ...s.matchLabels.map((kv) => ({ key: kv.key, op: 'in' as const, values: [kv.value] })),
    ...s.matchExpressions.map((e) => {
      const op = OP[e.operator] ?? 'in';
      return op === 'exists' || op === 'notexists' ? { key: e.key, op } : { key: e.key, op, values: [...e.values] };
    }),
  ];
  return formatLabelSelector(reqs);
}

/** The selector as code, or what the empty one means in its place. */
export function Selector({ selector, empty }: { selector: LabelSelectorFieldsFragment; empty: string }) {
  const text = selectorText(selector);
  return text ? <code className="rounded bg-surface-2 px-1 py-0.5 font-mono text-[13px] text-text">{text}</code> : <span className="text-text">{empty}</span>;
}
