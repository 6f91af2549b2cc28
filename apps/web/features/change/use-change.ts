'use client';

import { useCallback, useRef, useState } from 'react';
import type { ApiProblem } from '../../lib/graphql/errors';
import { type MutationResult, newIdempotencyKey } from '../../lib/graphql/mutate';
import type { ObjectChangeFieldsFragment } from '../../lib/graphql/generated/graphql';
import type { Url } from '../object/access-urls';
import { type FieldIssue, splitProblem } from './problem-fields';

/** What a mutation answered, in the shape the review and result screens show. */
export interface ChangeOutcome {
  dryRun: boolean;
  replayed: boolean;
  deleted: boolean;
  changes: readonly ObjectChangeFieldsFragment[];
  notes: readonly string[];
  /** Where the object is (or, for a dry run, will be) reachable. */
  urls: readonly Url[];
  /** The changed object's page (absent after a delete). */
  link?: { href: string; label: string } | null;
}

/** What each call of the mutation gets: a dry run or not, the submission's key, force or not. */
export interface ChangeRun {
  dryRun: boolean;
  /** One per submission: every retry of the same "apply" carries the same key. */
  idempotencyKey: string;
  force: boolean;
}

/** editing → reviewing (dry run running) → reviewed → applying → done; a refusal goes back to where it came from with `problem` set. */
export type ChangePhase = 'editing' | 'reviewing' | 'reviewed' | 'applying' | 'done';

export interface UseChangeOptions<R> {
  /** Sends the mutation (through useMutate) with the run's flags. */
  run: (r: ChangeRun) => Promise<MutationResult<R>>;
  /** The mutation's answer as an outcome. */
  outcomeOf: (data: R, r: ChangeRun) => ChangeOutcome;
  /** Maps an API field path onto the form's field (null: not a field of this form, shown with the action). */
  fieldOf?: (apiField: string) => string | null;
  /** Called once a real (not dry) run succeeded. */
  onApplied?: (outcome: ChangeOutcome) => void;
}

export interface Change {
  phase: ChangePhase;
  /** The dry run's answer (phase reviewed, and kept while applying). */
  preview: ChangeOutcome | null;
  /** The applied change's answer (phase done). */
  result: ChangeOutcome | null;
  /** The API's last refusal, if any. */
  problem: ApiProblem | null;
  /** The refusal's messages for the form's fields. */
  fieldIssues: FieldIssue[];
  /** The refusal's messages that name no field of the form. */
  generalIssues: string[];
  /** Runs the server-side dry run (nothing changes). */
  review: (opts?: { force?: boolean }) => Promise<ChangeOutcome | null>;
  /** Applies the change. Calls while one is running are ignored; every call of one submission carries the same key (and force, once asked for). */
  apply: (opts?: { force?: boolean }) => Promise<ChangeOutcome | null>;
  /** Back to editing (the input changed): the next apply is a new submission. */
  edit: () => void;
  busy: boolean;
}

/**
 * The review → apply flow of one self-service form: a dry run first, then the real
 * change under one idempotency key per submission (a double click or a retry is
 * answered once), refusals split into field messages and messages for the action.
 */
export function useChange<R>({ run, outcomeOf, fieldOf, onApplied }: UseChangeOptions<R>): Change {
  const [phase, setPhase] = useState<ChangePhase>('editing');
  const [preview, setPreview] = useState<ChangeOutcome | null>(null);
  const [result, setResult] = useState<ChangeOutcome | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  // "Take over" holds for the rest of the submission: the apply after a forced review forces too.
  const forced = useRef(false);
  const latest = useRef({ run, outcomeOf, onApplied });
  latest.current = { run, outcomeOf, onApplied };

  const call = useCallback(async (dryRun: boolean, force: boolean): Promise<ChangeOutcome | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setProblem(null);
    setPhase(dryRun ? 'reviewing' : 'applying');
    // A dry run changes nothing, so each gets its own key; the apply keeps one key until it succeeds or the input changes.
    if (force) forced.current = true;
    const r: ChangeRun = { dryRun, force: forced.current, idempotencyKey: dryRun ? newIdempotencyKey() : (key.current ??= newIdempotencyKey()) };
    try {
      let answer = await latest.current.run(r);
      // The same submission is still running (a retry raced it): ask again for its answer.
      for (let i = 0; !answer.ok && answer.problem.code === 'IDEMPOTENCY_IN_PROGRESS' && i < 10; i++) {
        await new Promise((res) => setTimeout(res, 300));
        answer = await latest.current.run(r);
      }
      if (!answer.ok) {
        setProblem(answer.problem);
        setPhase(dryRun ? 'editing' : preview ? 'reviewed' : 'editing');
        return null;
      }
      const outcome = latest.current.outcomeOf(answer.data, r);
      if (dryRun) {
        setPreview(outcome);
        setPhase('reviewed');
      } else {
        setResult(outcome);
        setPhase('done');
        key.current = null;
        latest.current.onApplied?.(outcome);
      }
      return outcome;
    } finally {
      inFlight.current = false;
    }
  }, [preview]);

  const edit = useCallback(() => {
    if (inFlight.current) return;
    key.current = null;
    forced.current = false;
    setPreview(null);
    setResult(null);
    setProblem(null);
    setPhase('editing');
  }, []);

  // A field-manager conflict names fields that are owned elsewhere, not wrong: they stay out of the form's messages (ChangeProblem names them).
  const split = problem && problem.code !== 'FIELD_MANAGER_CONFLICT' ? splitProblem(problem, fieldOf) : { fields: [], general: [] };
  return {
    phase,
    preview,
    result,
    problem,
    fieldIssues: split.fields,
    generalIssues: split.general,
    review: (opts) => call(true, opts?.force ?? false),
    apply: (opts) => call(false, opts?.force ?? false),
    edit,
    busy: phase === 'reviewing' || phase === 'applying',
  };
}
