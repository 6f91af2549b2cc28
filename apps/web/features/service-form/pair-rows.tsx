'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { type PairRow, emptyPair, messageFor, pairField } from './form-model';
import { RowErrors, RowInput } from './row-input';

/**
 * Key/value rows (selector, labels, annotations): add and remove, each row's message
 * under it. `field` is the map's path in k8s-model's issues (`labels["team"]`).
 */
export function PairRows({
  field,
  noun,
  rows,
  onChange,
  issues,
  shown,
  onTouch,
  keyPlaceholder = 'app',
  valuePlaceholder = 'web',
}: {
  field: 'selector' | 'labels' | 'annotations';
  noun: string;
  rows: PairRow[];
  onChange: (rows: PairRow[]) => void;
  issues: readonly { field: string; message: string }[];
  shown: (path: string) => boolean;
  onTouch: (path: string) => void;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}) {
  const id = useId();
  const set = (i: number, patch: Partial<PairRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="flex flex-col gap-2" data-testid={`${field}-rows`}>
      {rows.length > 0 && (
        <div aria-hidden className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_2rem] gap-2 text-xs font-medium text-muted">
          <span>Key</span>
          <span>Value</span>
        </div>
      )}
      {rows.map((r, i) => {
        const path = pairField(field, r);
        const message = shown(`${field}#${r.key}`) ? messageFor(issues, path) : null;
        const errId = `${id}-${r.key}-err`;
        return (
          <div key={r.key}>
            <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_2rem] items-center gap-2">
              <RowInput label={`${noun} ${i + 1} key`} value={r.k} placeholder={keyPlaceholder} error={message} errorId={errId} onChange={(e) => (set(i, { k: e.target.value }), onTouch(`${field}#${r.key}`))} onBlur={() => onTouch(`${field}#${r.key}`)} spellCheck={false} autoComplete="off" />
              <RowInput label={`${noun} ${i + 1} value`} value={r.v} placeholder={valuePlaceholder} error={message} errorId={errId} onChange={(e) => (set(i, { v: e.target.value }), onTouch(`${field}#${r.key}`))} onBlur={() => onTouch(`${field}#${r.key}`)} spellCheck={false} autoComplete="off" />
              <Button variant="ghost" size="icon" aria-label={`Remove ${noun.toLowerCase()} ${i + 1}${r.k ? ` (${r.k})` : ''}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <Trash2 aria-hidden className="size-4" />
              </Button>
            </div>
            <RowErrors errors={message ? [{ id: errId, message }] : []} />
          </div>
        );
      })}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, emptyPair()])}>
          <Plus aria-hidden className="size-3.5" />
          Add {noun.toLowerCase()}
        </Button>
      </div>
    </div>
  );
}
