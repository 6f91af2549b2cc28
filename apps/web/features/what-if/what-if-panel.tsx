'use client';

import { CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { useClient } from 'urql';
import { Button } from '../../components/ui/button';
import { Card, CardHeader } from '../../components/ui/card';
import { Field, SelectInput, TextArea } from '../../components/ui/field';
import { ErrorState } from '../../components/ui/states';
import { type ApiProblem, problemAdvice, problemOfUrql } from '../../lib/graphql/errors';
import type { ConnectivityWhatIfQuery as Answer } from '../../lib/graphql/generated/graphql';
import { ConnectivityWhatIfQuery } from './queries';
import { defaultDenyTemplate } from './template';
import { WhatIfResult } from './what-if-result';

type Outcome = { ok: true; diff: Answer['connectivityWhatIf'] } | { ok: false; problem: ApiProblem } | null;

type Detail = NonNullable<ApiProblem['details']>[number];

/** Where a manifest problem is, as far as the API knows: document, object, line and field (its path inside the document). */
function Where({ d }: { d: Detail }) {
  const field = d.field.replace(/^documents\[\d+\]\.?/, '');
  const parts: [string, string][] = [];
  if (d.document !== undefined) parts.push(['Document', String(d.document)]);
  if (d.object) parts.push(['Object', d.object]);
  if (d.line !== undefined) parts.push(['Line', String(d.line)]);
  if (field) parts.push(['Field', field]);
  return (
    <span className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted">
      {parts.map(([k, v]) => (
        <span key={k}>
          {k} <span className="font-mono text-text">{v}</span>
        </span>
      ))}
    </span>
  );
}

function ManifestProblems({ problem }: { problem: ApiProblem }) {
  const details = problem.details?.length ? problem.details : [{ field: '', message: problem.message }];
  return (
    <div role="alert" className="rounded-md border border-bad/50 bg-bad/5 px-3 py-2 text-sm" data-testid="manifest-problems">
      <p className="flex items-center gap-1.5 font-medium text-bad">
        <CircleAlert aria-hidden className="size-4 shrink-0" />
        The manifests cannot be compared: fix {details.length === 1 ? 'this problem' : `these ${details.length} problems`}.
      </p>
      <ul className="mt-1.5 flex flex-col gap-2 divide-y divide-bad/20 [&>li]:pt-2 [&>li:first-child]:pt-0">
        {details.map((d, i) => (
          <li key={i} data-testid="manifest-problem" data-field={d.field}>
            <Where d={d} />
            <span className="block text-text">{d.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The what-if editor: YAML or JSON manifests, sent to the API which lays them over its mirror
 * of the cluster and answers the connections that would change. Nothing is applied anywhere.
 */
export function WhatIfPanel({ cluster, namespaces, initial }: { cluster: string; namespaces: readonly string[]; initial: string }) {
  const client = useClient();
  const [manifests, setManifests] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const manifestProblem = outcome && !outcome.ok && outcome.problem.code === 'MANIFEST_INVALID' ? outcome.problem : null;

  async function compare(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await client.query(ConnectivityWhatIfQuery, { cluster, manifests }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (r.error) setOutcome({ ok: false, problem: problemOfUrql(r.error) });
    else if (r.data) setOutcome({ ok: true, diff: r.data.connectivityWhatIf });
    else setOutcome({ ok: false, problem: { code: 'UNKNOWN', message: 'the API answered without data' } });
  }

  return (
    <div className="flex flex-col gap-5">
      <Card aria-labelledby="manifests-heading">
        <CardHeader id="manifests-heading" title="Manifests" description="NetworkPolicies (and namespaces, pods or workloads) as YAML or JSON, several documents separated by ---. Each replaces the mirrored object of the same kind, namespace and name, or is added." />
        <form className="flex flex-col gap-3 px-4 py-3" onSubmit={compare} data-testid="what-if-form">
          {namespaces.length > 0 && (
            <Field label="Start from a default-deny ingress policy for namespace" hint="Replaces the manifests below with a policy that admits no ingress to that namespace's pods.">
              {(wired) => (
                <SelectInput wired={wired} defaultValue="" className="max-w-72" onChange={(e) => e.target.value && setManifests(defaultDenyTemplate(e.target.value))} data-testid="what-if-template">
                  <option value="">Choose a namespace…</option>
                  {namespaces.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </SelectInput>
              )}
            </Field>
          )}
          <Field label="Proposed manifests" error={manifestProblem ? 'See the problems below.' : null}>
            {(wired) => (
              <TextArea
                wired={wired}
                value={manifests}
                onChange={(e) => setManifests(e.target.value)}
                spellCheck={false}
                autoCapitalize="off"
                autoCorrect="off"
                rows={Math.min(28, Math.max(12, manifests.split('\n').length + 1))}
                className="leading-5"
                data-testid="what-if-manifests"
              />
            )}
          </Field>
          {manifestProblem && <ManifestProblems problem={manifestProblem} />}
          <div className="flex items-center gap-3">
            <Button type="submit" variant="primary" disabled={busy || !manifests.trim()}>
              {busy ? 'Comparing…' : 'Compare with the cluster'}
            </Button>
            <span className="text-xs text-muted">Reads the mirror only: nothing is applied to the cluster.</span>
          </div>
        </form>
      </Card>
      {outcome && !outcome.ok && !manifestProblem && (
        <ErrorState title="The comparison could not be made" message={outcome.problem.message}>
          {problemAdvice(outcome.problem)}
        </ErrorState>
      )}
      {outcome?.ok && <WhatIfResult diff={outcome.diff} />}
    </div>
  );
}
