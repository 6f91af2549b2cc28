'use client';

import { Issues, validateGrantInput } from '@switchboard/k8s-model';
import { Plus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Chip } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Field, issueFor, SelectInput, TextInput } from '../../../components/ui/field';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { TokenFieldsFragment } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { CreateGrantMutation, DeleteGrantMutation } from '../queries';

const grantText = (g: { cluster?: string | null; namespace: string }) => `${g.cluster ?? '*'}/${g.namespace}`;

/** A token's grants: each removable, and one more added (checked with k8s-model's grant rule first). */
export function TokenGrants({ token, clusters, editable }: { token: TokenFieldsFragment; clusters: { name: string; displayName: string }[]; editable: boolean }) {
  const mutate = useMutate();
  const router = useRouter();
  const [cluster, setCluster] = useState('*');
  const [namespace, setNamespace] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const issues = (() => {
    const found = new Issues();
    validateGrantInput({ cluster, namespace }, '', found);
    if (!namespace.trim()) found.add('namespace', 'required', 'namespace: name a namespace or a pattern such as team-a-* (or * for all)');
    return found.list;
  })();
  const shown = [...(checked ? issues : []), ...(problem?.details ?? []).map((d) => ({ field: d.field.replace(/^input\./, ''), message: d.message }))];

  const add = async () => {
    setChecked(true);
    setProblem(null);
    if (issues.length) return;
    setBusy(true);
    const r = await mutate(CreateGrantMutation, { input: { token: token.id, cluster, namespace } });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setNamespace('');
    setChecked(false);
    router.refresh();
  };
  const remove = async (id: string) => {
    setBusy(true);
    setProblem(null);
    const r = await mutate(DeleteGrantMutation, { id });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-2">
      {token.grants.length === 0 ? (
        <p className="text-xs text-muted">{token.role === 'admin' ? 'Admins need no grants: they may do everything.' : 'No grants: it can change nothing.'}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" aria-label={`Grants of ${token.name}`} data-testid="token-grants">
          {token.grants.map((g) => (
            <li key={g.id ?? grantText(g)} className="flex items-center gap-0.5">
              <Chip mono>{grantText(g)}</Chip>
              {editable && g.id && (
                <Button size="icon" variant="ghost" className="size-6" aria-label={`Remove grant ${grantText(g)} from ${token.name}`} disabled={busy} onClick={() => void remove(g.id!)}>
                  <X aria-hidden className="size-3.5" />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          noValidate
          aria-label={`Add a grant to ${token.name}`}
          className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field label="Cluster" error={issueFor(shown, 'cluster')}>
            {(w) => (
              <SelectInput wired={w} value={cluster} onChange={(e) => setCluster(e.target.value)}>
                <option value="*">every cluster</option>
                {clusters.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </SelectInput>
            )}
          </Field>
          <Field label="Namespace" error={issueFor(shown, 'namespace')}>
            {(w) => <TextInput wired={w} value={namespace} placeholder="team-a-*" autoComplete="off" onChange={(e) => setNamespace(e.target.value)} />}
          </Field>
          <Button type="submit" size="md" className="mt-6" disabled={busy}>
            <Plus aria-hidden className="size-4" />
            Add grant
          </Button>
        </form>
      )}
      {problem && !problem.details?.length && (
        <p role="alert" className="text-xs text-bad">
          {problem.message}. {problemAdvice(problem)}
        </p>
      )}
    </div>
  );
}
