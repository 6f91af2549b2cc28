'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Modal } from '../../../components/ui/dialog';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { ClusterAdminFieldsFragment } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { formatCount } from '../../../lib/kinds';
import { RemoveClusterMutation } from '../queries';

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Says exactly what leaves the catalog (from the cluster's summary) before removing it. */
export function RemoveClusterDialog({ cluster, onClose }: { cluster: ClusterAdminFieldsFragment; onClose: () => void }) {
  const mutate = useMutate();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const s = cluster.summary;

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    const r = await mutate(RemoveClusterMutation, { name: cluster.name });
    setBusy(false);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    onClose();
    router.push(`/admin/clusters?removed=${encodeURIComponent(cluster.name)}`);
    router.refresh();
  };

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Remove ${cluster.displayName}?`}
      description="Switchboard stops mirroring it and forgets its credentials. Nothing in the cluster itself is changed."
      footer={
        <>
          <Button onClick={onClose}>Keep it</Button>
          <Button variant="danger" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Removing…' : `Remove ${cluster.name}`}
          </Button>
        </>
      }
    >
      <p className="text-sm text-text">These are deleted from the catalog:</p>
      <ul className="mt-2 list-disc pl-5 text-sm text-text" data-testid="removal-summary">
        <li>{plural(s.services, 'service')}</li>
        <li>{plural(s.ingresses, 'ingress', 'ingresses')}</li>
        <li>{plural(s.endpoints.total, 'endpoint')}</li>
        <li>{plural(s.pods, 'pod')}</li>
        <li>{plural(s.nodes.total, 'node')}</li>
        <li>{plural(s.namespaces, 'namespace')}</li>
        <li>its sync state, labels and stored credentials</li>
      </ul>
      <p className="mt-3 text-xs text-muted">Audit entries about it stay. To bring it back, register it again from its kubeconfig.</p>
      {problem && (
        <p role="alert" className="mt-3 text-sm text-bad">
          {problem.message}. {problemAdvice(problem)}
        </p>
      )}
    </Modal>
  );
}
