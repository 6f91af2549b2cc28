'use client';

import { Pause, Pencil, Play, RefreshCw, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { type ApiProblem, problemAdvice } from '../../../lib/graphql/errors';
import type { ClusterAdminFieldsFragment } from '../../../lib/graphql/generated/graphql';
import { useMutate } from '../../../lib/graphql/mutate';
import { ResyncClusterMutation, UpdateClusterMutation } from '../queries';
import { EditClusterDialog } from './edit-cluster-dialog';
import { RemoveClusterDialog } from './remove-cluster-dialog';

/** Pause/resume, resync, edit and remove one cluster; a refusal is shown right under the buttons. */
export function ClusterActions({ cluster }: { cluster: ClusterAdminFieldsFragment }) {
  const mutate = useMutate();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'remove' | null>(null);

  const run = async (what: string, action: () => ReturnType<typeof mutate>, doneText: string) => {
    setBusy(what);
    setProblem(null);
    setDone(null);
    const r = await action();
    setBusy(null);
    if (!r.ok) setProblem(r.problem);
    else {
      setDone(doneText);
      router.refresh();
    }
  };

  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex flex-wrap justify-end gap-2">
        {cluster.paused ? (
          <Button size="sm" disabled={!!busy} onClick={() => void run('resume', () => mutate(UpdateClusterMutation, { name: cluster.name, input: { paused: false } }), `${cluster.displayName} resumed: its kinds are listed again`)}>
            <Play aria-hidden className="size-3.5" />
            {busy === 'resume' ? 'Resuming…' : 'Resume sync'}
          </Button>
        ) : (
          <Button size="sm" disabled={!!busy} onClick={() => void run('pause', () => mutate(UpdateClusterMutation, { name: cluster.name, input: { paused: true } }), `${cluster.displayName} paused: the catalog keeps its last state`)}>
            <Pause aria-hidden className="size-3.5" />
            {busy === 'pause' ? 'Pausing…' : 'Pause sync'}
          </Button>
        )}
        <Button size="sm" disabled={!!busy || cluster.paused} title={cluster.paused ? 'Resume the cluster to resync it' : undefined} onClick={() => void run('resync', () => mutate(ResyncClusterMutation, { name: cluster.name }), `Resync of ${cluster.displayName} started: every kind is listed again`)}>
          <RefreshCw aria-hidden className="size-3.5" />
          {busy === 'resync' ? 'Resyncing…' : 'Resync'}
        </Button>
        <Button size="sm" disabled={!!busy} onClick={() => setDialog('edit')}>
          <Pencil aria-hidden className="size-3.5" />
          Edit
        </Button>
        <Button size="sm" variant="danger" disabled={!!busy} onClick={() => setDialog('remove')}>
          <Trash2 aria-hidden className="size-3.5" />
          Remove
        </Button>
      </div>
      <div aria-live="polite" className="text-right text-xs">
        {problem && (
          <p role="alert" className="text-bad">
            {problem.message}. {problemAdvice(problem)}
          </p>
        )}
        {done && <p className="text-muted">{done}</p>}
      </div>
      {dialog === 'edit' && <EditClusterDialog cluster={cluster} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && <RemoveClusterDialog cluster={cluster} onClose={() => setDialog(null)} />}
    </div>
  );
}
