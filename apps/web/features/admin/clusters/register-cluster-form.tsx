'use client';

import { dns1123LabelErrors, validateClusterInput } from '@switchboard/k8s-model';
import { FlaskConical, Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { CheckboxField, Field, issueFor, TextArea, TextInput } from '../../../components/ui/field';
import { ErrorState } from '../../../components/ui/states';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { RegisterClusterInput, TestClusterConnectionMutation } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { outlineKubeconfig } from '../kubeconfig-contexts';
import { parseLabelsText, toLabelInputs } from '../labels-text';
import { RegisterClusterMutation, TestClusterConnectionMutation as TestDoc } from '../queries';
import { ConnectionResults } from './connection-results';

type Issue = { field: string; message: string };
type Tests = TestClusterConnectionMutation['testClusterConnection'];

/**
 * Register clusters from a kubeconfig: pick contexts, test the connection (nothing is
 * stored), then register exactly what was tested. Rules come from k8s-model; the API's
 * refusals land next to the field they name.
 */
export function RegisterClusterForm() {
  const mutate = useMutate();
  const router = useRouter();
  const [kubeconfig, setKubeconfig] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [labels, setLabels] = useState('');
  const [clusterDomain, setClusterDomain] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState<'test' | 'register' | null>(null);
  const [tested, setTested] = useState<{ key: string; tests: Tests } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const outline = useMemo(() => (kubeconfig.trim() ? outlineKubeconfig(kubeconfig) : null), [kubeconfig]);
  const contexts = outline?.ok ? outline.outline.contexts : [];
  // Until the user picks, the kubeconfig's current context (or its only one) is chosen.
  const selected = chosen ?? (outline?.ok ? [outline.outline.current ?? contexts[0]?.name].filter((c): c is string => !!c) : []);
  // One cluster (or none chosen yet): it may be named; several are named after their contexts.
  const single = selected.length <= 1;

  const { input, issues } = useMemo(() => {
    const parsed = parseLabelsText(labels);
    const base: RegisterClusterInput = {
      kubeconfig,
      ...(single ? { context: selected[0], name: name.trim() || selected[0] } : { contexts: selected }),
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(clusterDomain.trim() ? { clusterDomain: clusterDomain.trim() } : {}),
      ...(Object.keys(parsed.labels).length ? { labels: toLabelInputs(parsed.labels) } : {}),
    };
    const found: Issue[] = [];
    if (!kubeconfig.trim()) found.push({ field: 'kubeconfig', message: 'kubeconfig: paste a kubeconfig or upload its file' });
    else if (outline && !outline.ok) found.push({ field: 'kubeconfig', message: outline.message });
    else if (selected.length === 0) found.push({ field: 'contexts', message: 'contexts: choose at least one context to register' });
    for (const p of parsed.unparsed) found.push({ field: 'labels', message: `labels: "${p}" is not key=value` });
    if (kubeconfig.trim() && outline?.ok && selected.length) {
      // k8s-model's registration rule, once per cluster that would be created.
      const names = single ? [base.name as string] : selected;
      for (const n of names) {
        for (const i of validateClusterInput({ name: n, kubeconfig, context: single ? selected[0] : n, displayName: base.displayName, clusterDomain: base.clusterDomain, labels: parsed.labels })) {
          const field = i.field === 'name' && !single ? 'contexts' : i.field.startsWith('labels') ? 'labels' : i.field;
          found.push({ field, message: !single && i.field === 'name' ? `context "${n}" cannot be a cluster name: ${dns1123LabelErrors(n).join('; ')}` : i.message });
        }
      }
    }
    return { input: base, issues: found };
  }, [kubeconfig, outline, selected, single, name, displayName, clusterDomain, labels]);

  const key = JSON.stringify(input);
  const shownIssues: Issue[] = [...(checked ? issues : []), ...(problem?.details ?? []).map((d) => ({ field: fieldOf(d.field, single), message: d.message }))];
  const err = (field: string) => issueFor(shownIssues, field);
  const current = tested?.key === key ? tested.tests : null;
  const allOk = !!current && current.every((t) => t.outcome === 'OK');

  const test = async () => {
    setChecked(true);
    setProblem(null);
    if (issues.length) return;
    setBusy('test');
    const r = await mutate(TestDoc, { input });
    setBusy(null);
    if (r.ok) setTested({ key, tests: r.data.testClusterConnection });
    else {
      setTested(null);
      setProblem(r.problem);
    }
  };

  const register = async () => {
    if (!allOk) return;
    setBusy('register');
    setProblem(null);
    const r = await mutate(RegisterClusterMutation, { input });
    setBusy(null);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    router.push(`/admin/clusters?registered=${encodeURIComponent(r.data.registerCluster.map((c) => c.name).join(','))}`);
    router.refresh();
  };

  const edited = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setProblem(null);
  };

  return (
    <form
      noValidate
      aria-label="Register clusters"
      className="grid gap-5 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]"
      onSubmit={(e) => {
        e.preventDefault();
        if (allOk) void register();
        else void test();
      }}
    >
      <Card>
        <CardHeader title="Kubeconfig" description="Credentials are sent to the API only, stored encrypted once registered, and never shown again." />
        <div className="flex flex-col gap-4 p-4">
          <Field label="Kubeconfig" required hint="Paste it, or upload the file. Switchboard needs get, list and watch on namespaces, nodes, pods, services, endpoint slices and ingresses." error={err('kubeconfig')}>
            {(w) => (
              <TextArea
                wired={w}
                rows={12}
                spellCheck={false}
                autoComplete="off"
                placeholder={'apiVersion: v1\nkind: Config\nclusters: …'}
                value={kubeconfig}
                onChange={(e) => {
                  edited(setKubeconfig)(e.target.value);
                  setChosen(null);
                }}
              />
            )}
          </Field>
          <div className="flex items-center gap-3">
            <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border border-border-strong bg-surface px-3 text-sm font-medium text-text hover:bg-surface-2 focus-within:ring-2 focus-within:ring-accent">
              <Upload aria-hidden className="size-4" />
              Upload a kubeconfig file
              <input
                type="file"
                className="sr-only"
                accept=".yaml,.yml,.conf,.config,.kubeconfig,text/plain,application/yaml"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  edited(setKubeconfig)(await file.text());
                  setChosen(null);
                }}
              />
            </label>
            <span className="text-xs text-muted">The file is read in the browser and sent with the test.</span>
          </div>
          <fieldset className="flex flex-col gap-2" aria-describedby={err('contexts') ? 'contexts-error' : undefined}>
            <legend className="mb-1 text-sm font-medium text-text">Contexts to register</legend>
            {contexts.length === 0 ? (
              <p className="text-xs text-muted">The contexts of the kubeconfig appear here once it is pasted. Each chosen context becomes one cluster.</p>
            ) : (
              contexts.map((c) => (
                <CheckboxField
                  key={c.name}
                  label={
                    <>
                      <span className="font-mono">{c.name}</span>
                      {c.server && <span className="text-muted"> · {c.server}</span>}
                    </>
                  }
                  checked={selected.includes(c.name)}
                  onChange={(on) => {
                    setProblem(null);
                    setChosen(on ? [...selected, c.name] : selected.filter((s) => s !== c.name));
                  }}
                />
              ))
            )}
            {err('contexts') && (
              <p id="contexts-error" className="text-xs text-bad" data-field-error>
                {err('contexts')}
              </p>
            )}
          </fieldset>
        </div>
      </Card>
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader title="How it appears" />
          <div className="flex flex-col gap-4 p-4">
            {single ? (
              <Field label="Name" hint={`Lowercase DNS label, used in URLs and the API. Default: the context name${selected[0] ? ` (${selected[0]})` : ''}.`} error={err('name')}>
                {(w) => <TextInput wired={w} value={name} placeholder={selected[0] ?? ''} autoComplete="off" onChange={(e) => edited(setName)(e.target.value)} />}
              </Field>
            ) : (
              <p className="text-sm text-muted">With several contexts, each cluster is named after its context.</p>
            )}
            <Field label="Display name" hint="What the overview shows, e.g. “Production EU”. Default: the name." error={err('displayName')}>
              {(w) => <TextInput wired={w} value={displayName} autoComplete="off" onChange={(e) => edited(setDisplayName)(e.target.value)} />}
            </Field>
            <Field label="Labels" hint="key=value, separated by commas, e.g. environment=prod, region=eu-west-1" error={err('labels')}>
              {(w) => <TextInput wired={w} value={labels} autoComplete="off" onChange={(e) => edited(setLabels)(e.target.value)} />}
            </Field>
            <Field label="Cluster domain" hint="The DNS suffix of in-cluster names. Default: cluster.local" error={err('clusterDomain')}>
              {(w) => <TextInput wired={w} value={clusterDomain} placeholder="cluster.local" autoComplete="off" onChange={(e) => edited(setClusterDomain)(e.target.value)} />}
            </Field>
          </div>
        </Card>
        <Card>
          <CardHeader title="Connection test" description="Runs before anything is stored: the same checks registration makes." />
          <div className="flex flex-col gap-3 p-4" aria-live="polite">
            {problem && !problem.details?.length && (
              <ErrorState title={problem.code === 'ALREADY_EXISTS' ? 'A cluster with this name is already registered' : 'The API refused the request'} message={problem.message}>
                {problemAdvice(problem)}
              </ErrorState>
            )}
            {problem?.details?.length ? (
              <p role="alert" className="text-sm text-bad">
                {problem.message} — see the field{problem.details.length > 1 ? 's' : ''} marked above.
              </p>
            ) : null}
            {current ? <ConnectionResults tests={current} /> : !problem && <p className="text-sm text-muted">{tested ? 'The input changed since the last test: test again.' : 'Not tested yet.'}</p>}
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant={allOk ? 'secondary' : 'primary'} disabled={busy !== null} onClick={() => void test()}>
                <FlaskConical aria-hidden className="size-4" />
                {busy === 'test' ? 'Testing…' : 'Test connection'}
              </Button>
              <Button type="button" variant="primary" disabled={!allOk || busy !== null} onClick={() => void register()} aria-describedby="register-why">
                {busy === 'register' ? 'Registering…' : selected.length > 1 ? `Register ${selected.length} clusters` : 'Register cluster'}
              </Button>
            </div>
            <p id="register-why" className="text-xs text-muted">
              {allOk ? 'The test passed for exactly this input.' : 'Registering is offered once the connection test passes for this input.'}
            </p>
          </div>
        </Card>
      </div>
    </form>
  );
}

/** The API names GraphQL argument paths (input.name, input.labels.x): the form's fields. */
function fieldOf(field: string, single: boolean): string {
  const f = field.replace(/^input\./, '');
  if (f.startsWith('labels')) return 'labels';
  if (f === 'context') return 'contexts';
  if (f === 'name' && !single) return 'contexts';
  if (f === 'credentials') return 'kubeconfig';
  return f;
}
