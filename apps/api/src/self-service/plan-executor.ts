import { diffObjects, type PlanAction, type PlanStep, renderDiff } from '@switchboard/k8s-model';
import { stringify } from 'yaml';
import { DomainError } from '../errors/domain-error.js';
import { kubeWriteError, type WriteTarget } from './kube-errors.js';
import type { KubeObjects, RawObject } from './kube-objects.js';
import type { ObjectChange } from './mutation-outcome.js';

/** A step as carried out: what the caller sees, plus the server's answer for write-through. */
export interface ExecutedStep {
  change: ObjectChange;
  /** The object as the cluster stored it (or would, on a dry run); undefined after a delete. */
  result: RawObject | undefined;
  uid: string | undefined;
}

export interface ExecuteOptions {
  cluster: string;
  dryRun: boolean;
  force: boolean;
  /** Maps the cluster's field paths onto the caller's input fields in errors. */
  fieldOf?: WriteTarget['fieldOf'];
}

const target = (a: PlanAction, opts: ExecuteOptions): WriteTarget => ({ cluster: opts.cluster, kind: a.kind, namespace: a.namespace, name: a.name, fieldOf: opts.fieldOf });

/**
 * Runs a plan's steps in order. A dry run sends every write with dryRun=All, so the
 * cluster validates and defaults it and nothing is stored. When a real step fails,
 * the steps before it are undone in reverse order, so a multi-object change either
 * fully happens or leaves the cluster as it was; if the undo fails too, the error
 * says exactly which objects were left changed.
 */
export async function executePlan(objects: KubeObjects, steps: PlanStep[], opts: ExecuteOptions): Promise<ExecutedStep[]> {
  const done: { step: PlanStep; executed: ExecutedStep }[] = [];
  for (const step of steps) {
    try {
      done.push({ step, executed: await runStep(objects, step, opts) });
    } catch (err) {
      const failure = kubeWriteError(err, target(step, opts), step.op === 'delete' ? 'delete' : 'change');
      if (opts.dryRun || done.length === 0) throw failure;
      throw await rollBack(objects, done.map((d) => d.step), failure, opts);
    }
  }
  return done.map((d) => d.executed);
}

async function runStep(objects: KubeObjects, step: PlanStep, opts: ExecuteOptions): Promise<ExecutedStep> {
  const before = await objects.get(step.kind, step.namespace, step.name);
  if (step.op === 'delete') {
    if (before) await objects.delete(step.kind, step.namespace, step.name, { dryRun: opts.dryRun, preconditions: step.preconditions });
    return {
      change: { action: before ? 'DELETE' : 'NONE', kind: step.kind, namespace: step.namespace, name: step.name, summary: step.summary, manifest: '', diff: renderDiff(diffObjects(before, undefined)) },
      result: undefined,
      uid: before?.metadata?.uid,
    };
  }
  const after = await objects.apply(step.manifest, { dryRun: opts.dryRun, force: opts.force });
  const diff = renderDiff(diffObjects(before, after));
  return {
    change: {
      action: !before ? 'CREATE' : diff ? 'UPDATE' : 'NONE',
      kind: step.kind,
      namespace: step.namespace,
      name: step.name,
      summary: step.summary,
      manifest: stringify(step.manifest),
      diff,
    },
    result: after,
    uid: after.metadata?.uid,
  };
}

async function rollBack(objects: KubeObjects, applied: PlanStep[], failure: DomainError, opts: ExecuteOptions): Promise<DomainError> {
  const left: string[] = [];
  for (const step of [...applied].reverse()) {
    const undo = step.undo;
    try {
      // Our own earlier write is being taken back: force, or the undo would conflict with it.
      if (undo.op === 'apply') await objects.apply(undo.manifest, { force: true });
      else await objects.delete(undo.kind, undo.namespace, undo.name, { preconditions: undo.preconditions });
    } catch {
      left.push(step.summary);
    }
  }
  if (!left.length) {
    return new DomainError(failure.code, `${failure.message} (the earlier steps were rolled back: nothing was changed)`, failure.details);
  }
  return new DomainError(
    'PARTIALLY_APPLIED',
    `${failure.message}; rolling back failed, so these changes remain in cluster "${opts.cluster}": ${left.join('; ')}`,
    failure.details,
  );
}
