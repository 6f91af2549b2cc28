'use client';

import { CircleX, ShieldAlert } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { problemAdvice } from '../../lib/graphql/errors';
import type { Change } from './use-change';
import { conflictingFields, conflictingManagers } from './problem-fields';

const ADVICE: Record<string, string> = {
  ALREADY_EXISTS: 'Pick another name, or open the existing one and change it there.',
  CONFLICT: 'Someone changed it since you opened this form. Reload the page and apply your change again.',
  RECREATE_REQUIRED: 'This change cannot be made in place: the object would have to be deleted and created again.',
  CLUSTER_UNREACHABLE: 'The cluster did not answer; nothing was changed. Try again when it is reachable.',
  CLUSTER_FORBIDDEN: "The cluster refused Switchboard's own credentials for this; nothing was changed.",
  IDEMPOTENCY_KEY_REUSED: 'Go back to the form and submit again.',
};

/**
 * An API refusal next to the action: what it said, what to do, and for a field-manager
 * conflict who owns the fields — with "Take over" only for callers allowed to force.
 */
export function ChangeProblem({ change, canForce, onForce }: { change: Change; canForce: boolean; onForce?: () => void }) {
  const p = change.problem;
  if (!p) return null;
  const managers = conflictingManagers(p);
  if (p.code === 'FIELD_MANAGER_CONFLICT') {
    const fields = conflictingFields(p);
    return (
      <div role="alert" className="flex flex-col gap-2 rounded-md border border-warn/50 bg-warn-soft px-3 py-2.5 text-sm" data-testid="change-problem" data-code={p.code}>
        <p className="flex items-center gap-2 font-semibold text-text">
          <ShieldAlert aria-hidden className="size-4 text-warn" />
          {managers.length ? `Owned by ${managers.map((m) => `"${m}"`).join(', ')}` : 'Owned by another tool'}
        </p>
        <p className="text-text">
          {fields.length ? (
            <>
              The field{fields.length === 1 ? '' : 's'} <span className="font-mono">{fields.join(', ')}</span> {fields.length === 1 ? 'is' : 'are'} managed by{' '}
            </>
          ) : (
            'These fields are managed by '
          )}
          {managers.length ? managers.join(', ') : 'another field manager'} (for example a GitOps tool). Change {fields.length === 1 ? 'it' : 'them'} there, or take them over: that tool may set them back on its next sync.
        </p>
        {canForce && onForce ? (
          <div>
            <Button variant="danger" size="sm" onClick={onForce} disabled={change.busy}>
              Take over
            </Button>
          </div>
        ) : (
          <p className="text-xs text-muted">Your role may not take over fields another manager owns.</p>
        )}
      </div>
    );
  }
  return (
    <div role="alert" className="flex flex-col gap-1 rounded-md border border-bad/40 bg-bad-soft px-3 py-2.5 text-sm" data-testid="change-problem" data-code={p.code}>
      <p className="flex items-center gap-2 font-semibold text-bad">
        <CircleX aria-hidden className="size-4" />
        {change.phase === 'editing' && change.preview === null ? 'The API refused this' : 'Not applied'}
      </p>
      <p className="text-text">{p.message}</p>
      {change.generalIssues.length > 0 && (
        <ul className="list-disc pl-5 text-text">
          {change.generalIssues.map((g, i) => (
            <li key={i}>{g}</li>
          ))}
        </ul>
      )}
      {change.fieldIssues.length > 0 && <p className="text-xs text-muted">The fields it names show their messages in the form.</p>}
      <p className="text-xs text-muted">{ADVICE[p.code] ?? problemAdvice(p)}</p>
    </div>
  );
}
