'use client';

import { Loader2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { ChangePreview, ChangeResult } from './change-outcome';
import { ChangeProblem } from './change-problem';
import type { Change } from './use-change';

export interface ChangeFlowProps {
  change: Change;
  /** e.g. "Create service", "Apply changes", "Delete service". */
  applyLabel: string;
  /** The result's heading, e.g. "Service shop/web created". */
  doneTitle: string;
  /** The form may send it now (no validation issue left). */
  ready: boolean;
  /** May take over fields another manager owns (permissionsOf(me).canForce). */
  canForce: boolean;
  /** Dangerous changes get the red apply button. */
  danger?: boolean;
  /** Consequences the form knows before the dry run (e.g. "node port 30080 will be released"). */
  consequences?: readonly string[];
  /** Extra buttons after the result (e.g. "Create another"). */
  doneActions?: ReactNode;
  /** "Cancel" in dialogs. */
  onCancel?: () => void;
  /** Review clicked while the form is not ready: show every field's message (nothing is sent). Without it, Review is disabled until ready. */
  onBlocked?: () => void;
  /** The button back to the form after a review; null for flows without a form (delete). Default "Back to edit". */
  backLabel?: string | null;
}

function Busy({ children }: { children: ReactNode }) {
  return (
    <>
      <Loader2 aria-hidden className="size-4 animate-spin" />
      {children}
    </>
  );
}

/**
 * The part of every self-service form after its fields: "Review" (the cluster's dry
 * run: each object's diff, notes, the addresses it will have), then the apply button,
 * then the result with its addresses and a link. Refusals appear here, next to the
 * action; their field messages go to the form's fields through `change.fieldIssues`.
 */
export function ChangeFlow({ change, applyLabel, doneTitle, ready, canForce, danger, consequences = [], doneActions, onCancel, onBlocked, backLabel = 'Back to edit' }: ChangeFlowProps) {
  const { phase } = change;
  if (phase === 'done' && change.result) {
    return (
      <div className="flex flex-col gap-3">
        <ChangeResult outcome={change.result} title={doneTitle} />
        {doneActions && <div className="flex flex-wrap gap-2">{doneActions}</div>}
      </div>
    );
  }
  const reviewed = (phase === 'reviewed' || phase === 'applying') && change.preview;
  return (
    <div className="flex flex-col gap-3" aria-busy={change.busy || undefined}>
      {reviewed && <ChangePreview outcome={change.preview!} extraNotes={consequences} />}
      <ChangeProblem change={change} canForce={canForce} onForce={() => void (reviewed ? change.apply({ force: true }) : change.review({ force: true }))} />
      <div className="flex flex-wrap items-center justify-end gap-2">
        {onCancel && (
          <Button onClick={onCancel} disabled={phase === 'applying'}>
            Cancel
          </Button>
        )}
        {reviewed ? (
          <>
            {backLabel && (
              <Button onClick={change.edit} disabled={change.busy}>
                {backLabel}
              </Button>
            )}
            <Button variant={danger ? 'danger' : 'primary'} onClick={() => void change.apply()} aria-disabled={phase === 'applying' || undefined} data-testid="apply-change">
              {phase === 'applying' ? <Busy>{applyLabel}…</Busy> : applyLabel}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={() => (ready ? void change.review() : onBlocked?.())} disabled={(!ready && !onBlocked) || change.busy} data-testid="review-change">
            {phase === 'reviewing' ? <Busy>Reviewing…</Busy> : 'Review'}
          </Button>
        )}
      </div>
      {!ready && phase === 'editing' && <p className="text-right text-xs text-muted">Review checks every field first: press it to see what is still missing or invalid.</p>}
    </div>
  );
}
