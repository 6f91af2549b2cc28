'use client';

import { FileDiff } from 'lucide-react';
import { useState } from 'react';
import { StatusBadge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Modal } from '../../../components/ui/dialog';
import { DiffView } from '../../../components/ui/diff-view';
import type { AuditEventsQuery } from '../../../lib/graphql/generated/graphql';

type Entry = AuditEventsQuery['auditEvents']['nodes'][number];

const OUTCOME_STATUS: Record<Entry['outcome'], string> = { SUCCEEDED: 'OK', FAILED: 'ERROR', REPLAYED: 'INFO' };

/** Opens one audit entry: who, what, where, the outcome and its field-by-field diff. */
export function AuditDiffButton({ entry }: { entry: Entry }) {
  const [open, setOpen] = useState(false);
  const target = [entry.cluster, entry.namespace, entry.name].filter(Boolean).join('/') || 'no object';
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={`Open ${entry.action} of ${target} at ${entry.at}`} onClick={() => setOpen(true)}>
        <FileDiff aria-hidden className="size-3.5" />
        {entry.diff ? 'Diff' : 'Details'}
      </Button>
      <Modal open={open} onOpenChange={setOpen} wide title={`${entry.action} · ${target}`} description={`${new Date(entry.at).toLocaleString('en-GB', { timeZoneName: 'short' })} by ${entry.actor}`}>
        <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Outcome</dt>
          <dd className="flex items-center gap-2">
            <StatusBadge status={OUTCOME_STATUS[entry.outcome]} label={entry.outcome} />
            {entry.errorCode && <code className="text-xs text-text">{entry.errorCode}</code>}
            {entry.dryRun && <span className="text-xs text-muted">(dry run: nothing was changed)</span>}
          </dd>
          <dt className="text-muted">Actor</dt>
          <dd className="font-mono text-xs text-text">
            {entry.actor}
            {entry.actorRole ? ` · ${entry.actorRole}` : ''}
          </dd>
        </dl>
        <h3 className="mb-1 text-sm font-semibold text-text">Changes</h3>
        <DiffView diff={entry.diff ?? ''} empty={entry.outcome === 'FAILED' ? 'Nothing was changed: the request failed before writing.' : 'No Kubernetes object was written by this action (clusters, tokens and grants are recorded without a field diff).'} />
      </Modal>
    </>
  );
}
