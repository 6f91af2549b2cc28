'use client';

import { validateClusterUpdate } from '@switchboard/k8s-model';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Modal } from '../../../components/ui/dialog';
import { Field, issueFor, TextInput } from '../../../components/ui/field';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { ClusterAdminFieldsFragment, UpdateClusterInput } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { labelsText, parseLabelsText, toLabelInputs } from '../labels-text';
import { UpdateClusterMutation } from '../queries';

/** Rename, display name, labels and cluster domain, checked with k8s-model's rule before sending. */
export function EditClusterDialog({ cluster, onClose }: { cluster: ClusterAdminFieldsFragment; onClose: () => void }) {
  const mutate = useMutate();
  const router = useRouter();
  const [name, setName] = useState(cluster.name);
  const [displayName, setDisplayName] = useState(cluster.displayName);
  const [labels, setLabels] = useState(labelsText(cluster.labels));
  const [clusterDomain, setClusterDomain] = useState(cluster.clusterDomain);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const { input, issues } = useMemo(() => {
    const parsed = parseLabelsText(labels);
    const patch: UpdateClusterInput = {};
    if (name !== cluster.name) patch.name = name;
    if (displayName !== cluster.displayName) patch.displayName = displayName;
    if (clusterDomain !== cluster.clusterDomain) patch.clusterDomain = clusterDomain;
    if (labelsText(toLabelInputs(parsed.labels)) !== labelsText(cluster.labels)) patch.labels = toLabelInputs(parsed.labels);
    const found = validateClusterUpdate({ ...patch, labels: patch.labels ? parsed.labels : undefined }).map((i) => ({ field: i.field.startsWith('labels') ? 'labels' : i.field, message: i.message }));
    for (const p of parsed.unparsed) found.push({ field: 'labels', message: `labels: "${p}" is not key=value` });
    return { input: patch, issues: found };
  }, [name, displayName, labels, clusterDomain, cluster]);

  const shown = [...(checked ? issues : []), ...(problem?.details ?? []).map((d) => ({ field: d.field.replace(/^input\./, '').replace(/^labels.*/, 'labels'), message: d.message }))];
  const unchanged = Object.keys(input).length === 0;

  const save = async () => {
    setChecked(true);
    setProblem(null);
    if (issues.length || unchanged) return;
    setBusy(true);
    const r = await mutate(UpdateClusterMutation, { name: cluster.name, input });
    setBusy(false);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    onClose();
    router.refresh();
  };

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Edit ${cluster.displayName}`}
      description="Connection details cannot change here: register the cluster again for new credentials."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="edit-cluster" disabled={busy || unchanged}>
            {busy ? 'Saving…' : 'Save changes'}
          </Button>
        </>
      }
    >
      <form
        id="edit-cluster"
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Name" hint="Lowercase DNS label; links and API calls with the old name stop working." error={issueFor(shown, 'name')}>
          {(w) => <TextInput wired={w} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Display name" hint="What the overview shows (1 to 100 characters)." error={issueFor(shown, 'displayName')}>
          {(w) => <TextInput wired={w} value={displayName} autoComplete="off" onChange={(e) => setDisplayName(e.target.value)} />}
        </Field>
        <Field label="Labels" hint="key=value, separated by commas; remove one to delete it." error={issueFor(shown, 'labels')}>
          {(w) => <TextInput wired={w} value={labels} autoComplete="off" onChange={(e) => setLabels(e.target.value)} />}
        </Field>
        <Field label="Cluster domain" hint="DNS suffix of in-cluster names; changes every in-cluster URL the catalog shows." error={issueFor(shown, 'clusterDomain')}>
          {(w) => <TextInput wired={w} value={clusterDomain} autoComplete="off" onChange={(e) => setClusterDomain(e.target.value)} />}
        </Field>
        {problem && !problem.details?.length && (
          <p role="alert" className="text-sm text-bad">
            {problem.message}. {problemAdvice(problem)}
          </p>
        )}
      </form>
    </Modal>
  );
}
