'use client';

import { Plus } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { type PairRow, emptyPair } from './form-model';
import { PairRows } from './pair-rows';
import { PodLabelsQuery } from './queries';

/** The selector as it is sent, settled for a moment so typing does not ask the API at every key. */
function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  const text = JSON.stringify(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(JSON.parse(text) as T), ms);
    return () => clearTimeout(t);
  }, [text, ms]);
  return settled;
}

/**
 * The selector rows, the labels of the pods that exist in the namespace (a click adds
 * one) and, live, how many of those pods the selector matches — the API counts them
 * from the mirror (podLabels).
 */
export function SelectorSection({
  cluster,
  namespace,
  rows,
  onChange,
  issues,
  shown,
  onTouch,
  selectorValid,
}: {
  cluster: string;
  namespace: string;
  rows: PairRow[];
  onChange: (rows: PairRow[]) => void;
  issues: readonly { field: string; message: string }[];
  shown: (path: string) => boolean;
  onTouch: (path: string) => void;
  /** Only a selector k8s-model accepts is counted. */
  selectorValid: boolean;
}) {
  const pairs = rows.filter((r) => r.k.trim()).map((r) => ({ key: r.k.trim(), value: r.v.trim() }));
  const settled = useSettled(selectorValid ? pairs : null);
  // Asked from the browser only: the server render has no GraphQL client of its own.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const [{ data, fetching, error }] = useQuery({ query: PodLabelsQuery, variables: { cluster, namespace, selector: settled?.length ? settled : null }, pause: !mounted || !cluster || !namespace || settled === null });
  const summary = data?.podLabels;
  const used = new Set(pairs.map((p) => `${p.key}=${p.value}`));
  const suggestions = (summary?.labels ?? []).filter((l) => !used.has(`${l.key}=${l.value}`)).slice(0, 12);

  const add = (key: string, value: string) => {
    const blank = rows.findIndex((r) => !r.k.trim() && !r.v.trim());
    onChange(blank >= 0 ? rows.map((r, i) => (i === blank ? { ...r, k: key, v: value } : r)) : [...rows, emptyPair(key, value)]);
  };

  let count: string;
  if (!namespace) count = 'Pick a namespace to see which pods the selector matches.';
  else if (!selectorValid) count = 'Fix the selector to see which pods it matches.';
  else if (error) count = `Could not count the matching pods: ${error.message}`;
  else if (!summary) count = fetching ? 'Counting the matching pods…' : '';
  else if (summary.pods === 0) count = `No pods in ${namespace} yet: the service will get endpoints once pods with these labels run there.`;
  else if (summary.matching === null) count = `No selector: the service will select none of the ${summary.pods} pods in ${namespace} (its endpoints are yours to manage).`;
  else count = `Matches ${summary.matching} of ${summary.pods} pod${summary.pods === 1 ? '' : 's'} in ${namespace}.`;

  return (
    <div className="flex flex-col gap-2">
      <PairRows field="selector" noun="Selector label" rows={rows} onChange={onChange} issues={issues} shown={shown} onTouch={onTouch} />
      <p role="status" aria-live="polite" className="text-sm text-text" data-testid="selector-matches" data-matching={summary?.matching ?? undefined}>
        {count}
      </p>
      {suggestions.length > 0 && (
        <div className="flex flex-col gap-1">
          <p className="text-xs text-muted">Labels of the pods in {namespace}:</p>
          <ul className="flex flex-wrap gap-1.5" aria-label={`Labels of the pods in ${namespace}`}>
            {suggestions.map((l) => (
              <li key={`${l.key}=${l.value}`}>
                <button
                  type="button"
                  onClick={() => add(l.key, l.value)}
                  className="inline-flex cursor-pointer items-center gap-1 rounded border border-border bg-surface-2 px-1.5 py-0.5 font-mono text-xs text-text hover:border-border-strong"
                  aria-label={`Add ${l.key}=${l.value} to the selector (${l.pods} pod${l.pods === 1 ? '' : 's'})`}
                >
                  <Plus aria-hidden className="size-3" />
                  {l.key}={l.value}
                  <span className="font-sans text-muted">· {l.pods}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
