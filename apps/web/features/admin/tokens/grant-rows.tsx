'use client';

import { Plus, X } from 'lucide-react';
import { Button } from '../../../components/ui/button';
import { Field, SelectInput, TextInput } from '../../../components/ui/field';

export interface GrantRow {
  cluster: string;
  namespace: string;
}

/** Grant rows of a new token: cluster (or every cluster) × namespace pattern, each with its own messages. */
export function GrantRows({ rows, onChange, clusters, errorFor }: { rows: GrantRow[]; onChange: (rows: GrantRow[]) => void; clusters: { name: string; displayName: string }[]; errorFor: (field: string) => string | null }) {
  const set = (i: number, patch: Partial<GrantRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-text">Grants</legend>
      <p className="text-xs text-muted">Where an operator may change services and ingresses (and what a token with “its grants only” may read). Namespace patterns take * and ?, e.g. team-a-*.</p>
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <Field label={`Grant ${i + 1}: cluster`} error={errorFor(`grants[${i}].cluster`)}>
            {(w) => (
              <SelectInput wired={w} value={r.cluster} onChange={(e) => set(i, { cluster: e.target.value })}>
                <option value="*">every cluster</option>
                {clusters.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.displayName === c.name ? c.name : `${c.displayName} (${c.name})`}
                  </option>
                ))}
              </SelectInput>
            )}
          </Field>
          <Field label={`Grant ${i + 1}: namespace`} error={errorFor(`grants[${i}].namespace`)}>
            {(w) => <TextInput wired={w} value={r.namespace} placeholder="team-a or team-a-*" autoComplete="off" onChange={(e) => set(i, { namespace: e.target.value })} />}
          </Field>
          <Button size="icon" variant="ghost" className="mt-6" aria-label={`Remove grant ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <X aria-hidden className="size-4" />
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" onClick={() => onChange([...rows, { cluster: '*', namespace: '' }])}>
          <Plus aria-hidden className="size-3.5" />
          Add a grant
        </Button>
      </div>
    </fieldset>
  );
}
