import { Injectable, Logger } from '@nestjs/common';
import {
  type ExposeInput,
  type IngressChange,
  type IngressInput,
  type IngressRecord,
  ingressManifest,
  type Manifest,
  ingressUpdateManifest,
  normalize,
  planExpose,
  planUnexpose,
  type PlanResult,
  type PlanStep,
  type Refusal,
  type ResourceKind,
  restoreIngress,
  restoreService,
  type ServiceInput,
  type ServiceRecord,
  serviceManifest,
  serviceUpdateManifest,
  type UnexposeInput,
  validateExposeInput,
  validateIngressInput,
  validateServiceInput,
  validateUnexposeInput,
  type ValidationIssue,
} from '@switchboard/k8s-model';
import { ChangeFeed } from '../change-feed/change-feed.service.js';
import { ClusterDirectory, type ClusterTarget } from '../clusters/cluster-directory.js';
import { DomainError } from '../errors/domain-error.js';
import { CatalogWriterRepository } from '../sync/catalog-writer.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import { actorOf, type Caller, callerKey } from '../auth/caller.js';
import { RateLimits } from '../auth/rate-limits.service.js';
import { IdempotencyService, ReplayedFailure } from './idempotency/idempotency.service.js';
import { kubeWriteError } from './kube-errors.js';
import { KubeObjects, type RawObject } from './kube-objects.js';
import type { MutationOutcome } from './mutation-outcome.js';
import { executePlan, type ExecutedStep } from './plan-executor.js';
import { PredictedUrls } from './predicted-urls.js';
import { checkNamespaceRef, checkObjectRef, type NamespaceRef, type ObjectRef } from './refs.js';

export interface MutationOptions {
  dryRun?: boolean | null;
  /** Take over fields other field managers own (server-side apply force). */
  force?: boolean | null;
  idempotencyKey?: string | null;
  /** Problems the transport found while decoding the request (reported with every other issue, and audited). */
  inputIssues?: ValidationIssue[];
}

export type DeleteOptions = MutationOptions & { resourceVersion?: string | null };
export type ServiceChange = Partial<Omit<ServiceInput, 'name'>> & { resourceVersion?: string | null };
export type IngressUpdate = IngressChange & { resourceVersion?: string | null };
export type ExposeRequest = ExposeInput & { ingressName?: string | null };

/** What a mutation decided to write, before anything is written. */
interface Decision {
  kind: 'Service' | 'Ingress';
  name: string;
  steps: PlanStep[];
  notes: string[];
  deleted?: boolean;
  /** Errors about the exposed port's node port are about the caller's `nodePort`. */
  fieldOf?: (kubeField: string) => string;
}

interface Context {
  target: ClusterTarget;
  objects: KubeObjects;
}

const KIND: Record<'Service' | 'Ingress', ResourceKind> = { Service: 'SERVICE', Ingress: 'INGRESS' };

/**
 * Self-service writes (issue #6): validate everything before the cluster is touched,
 * plan the writes with libs/k8s-model, carry them out with server-side apply as field
 * manager `switchboard` (rolled back if a later step fails), write the answer through
 * to the catalog, and remember the outcome under the caller's idempotency key.
 */
@Injectable()
export class SelfServiceService {
  private readonly logger = new Logger('SelfService');

  constructor(
    private readonly directory: ClusterDirectory,
    private readonly writer: CatalogWriterRepository,
    private readonly feed: ChangeFeed,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly limits: RateLimits,
    private readonly predicted: PredictedUrls,
  ) {}

  /**
   * Every request is counted against the caller's rate limit, authorised and recorded
   * in the audit log, whatever its outcome: refusals of its input included.
   */
  private async audited(caller: Caller, action: string, ref: Partial<ObjectRef>, opts: MutationOptions, run: () => Promise<MutationOutcome>): Promise<MutationOutcome> {
    const base = {
      actor: actorOf(caller),
      actorRole: caller.role,
      action,
      cluster: textOrNull(ref.cluster),
      namespace: textOrNull(ref.namespace),
      name: textOrNull(ref.name),
      dryRun: opts.dryRun ?? false,
    };
    try {
      // Counted before anything else, refusals included, so probing is limited too.
      this.limits.mutation(caller);
      await this.access.authorizeWrite(caller, textOrNull(ref.cluster) ?? undefined, textOrNull(ref.namespace) ?? undefined);
      const o = await run();
      const diff = o.changes.filter((c) => c.diff).map((c) => `# ${c.kind} ${c.namespace}/${c.name} (${c.action})\n${c.diff}`).join('\n');
      await this.audit.record({
        ...base,
        name: o.name,
        outcome: o.replayed ? 'REPLAYED' : 'SUCCEEDED',
        errorCode: null,
        diff: diff || null,
        details: { changes: o.changes.map((c) => ({ action: c.action, kind: c.kind, namespace: c.namespace, name: c.name, summary: c.summary })), notes: o.notes },
      });
      return o;
    } catch (err) {
      const known = err instanceof DomainError;
      const outcome = err instanceof ReplayedFailure ? 'REPLAYED' : 'FAILED';
      await this.audit.record({ ...base, outcome, errorCode: known ? err.code : 'INTERNAL', diff: null, details: known ? { message: err.message, fields: err.details.map((d) => d.field) } : {} });
      throw err;
    }
  }

  createService(caller: Caller, ref: NamespaceRef, input: unknown, opts: MutationOptions = {}): Promise<MutationOutcome> {
    return this.audited(caller, 'createService', { ...ref, name: nameOf(input) }, opts, () => {
      refuseInvalid(opts, checkNamespaceRef(ref), validateServiceInput(input));
      const svc = input as ServiceInput;
      return this.mutate(caller, 'createService', { ...ref, name: svc.name }, input, opts, async ({ objects, target }) => {
        await this.requireNamespace(objects, target, ref.namespace, 'Service', svc.name);
        if (await this.read(objects, target, 'Service', ref.namespace, svc.name)) throw alreadyExists(target, 'Service', ref.namespace, svc.name);
        const manifest = serviceManifest(svc, { namespace: ref.namespace });
        return { kind: 'Service', name: svc.name, notes: [], steps: [createStep('Service', ref.namespace, svc.name, manifest)] };
      });
    });
  }

  updateService(caller: Caller, ref: ObjectRef, change: ServiceChange, opts: MutationOptions = {}): Promise<MutationOutcome> {
    return this.audited(caller, 'updateService', ref, opts, () => {
      refuseInvalid(opts, checkObjectRef(ref));
      return this.mutate(caller, 'updateService', ref, change, opts, async ({ objects, target }) => {
        const current = await this.liveService(objects, target, ref);
        const { resourceVersion, ...fields } = change;
        const res = serviceUpdateManifest(current, fields, { resourceVersion: resourceVersion ?? undefined });
        if (!res.ok) throw refused(res);
        const step: PlanStep = { op: 'apply', kind: 'Service', namespace: ref.namespace, name: ref.name, manifest: res.manifest, creates: false, summary: `update service ${ref.namespace}/${ref.name}`, undo: restoreService(current) };
        return { kind: 'Service', name: ref.name, notes: [], steps: [step] };
      });
    });
  }

  deleteService(caller: Caller, ref: ObjectRef, opts: DeleteOptions = {}): Promise<MutationOutcome> {
    return this.deleteObject(caller, 'deleteService', 'Service', ref, opts);
  }

  exposeService(caller: Caller, ref: ObjectRef, input: ExposeRequest, opts: MutationOptions = {}): Promise<MutationOutcome> {
    return this.audited(caller, 'exposeService', ref, opts, () => {
      const { ingressName, ...expose } = input ?? ({} as ExposeRequest);
      refuseInvalid(opts, checkObjectRef(ref), validateExposeInput(expose));
      return this.mutate(caller, 'exposeService', ref, input, opts, async ({ objects, target }) => {
        const service = await this.liveService(objects, target, ref);
        const ingresses = expose.via === 'INGRESS' ? await this.liveIngresses(objects, target, ref) : [];
        const plan = planExpose(service, expose, { existingIngresses: ingresses, ingressName: ingressName ?? undefined });
        return decided('Service', ref.name, plan, expose.via === 'INGRESS' ? undefined : (f) => (/nodePort$/.test(f) ? 'nodePort' : f.replace(/^spec\./, '')));
      });
    });
  }

  unexposeService(caller: Caller, ref: ObjectRef, input: UnexposeInput, opts: MutationOptions = {}): Promise<MutationOutcome> {
    return this.audited(caller, 'unexposeService', ref, opts, () => {
      refuseInvalid(opts, checkObjectRef(ref), validateUnexposeInput(input));
      return this.mutate(caller, 'unexposeService', ref, input, opts, async ({ objects, target }) => {
        const service = await this.liveService(objects, target, ref);
        const ingresses = input.via === 'INGRESS' ? await this.liveIngresses(objects, target, ref) : [];
        return decided('Service', ref.name, planUnexpose(service, input, { existingIngresses: ingresses }));
      });
    });
  }

  createIngress(caller: Caller, ref: NamespaceRef, input: unknown, opts: MutationOptions = {}): Promise<MutationOutcome> {
    return this.audited(caller, 'createIngress', { ...ref, name: nameOf(input) }, opts, () => {
      refuseInvalid(opts, checkNamespaceRef(ref), validateIngressInput(input));
      const ing = input as IngressInput;
      return this.mutate(caller, 'createIngress', { ...ref, name: ing.name }, input, opts, async ({ objects, target }) => {
        await this.requireNamespace(objects, target, ref.namespace, 'Ingress', ing.name);
        if (await this.read(objects, target, 'Ingress', ref.namespace, ing.name)) throw alreadyExists(target, 'Ingress', ref.namespace, ing.name);
        const manifest = ingressManifest(ing, { namespace: ref.namespace });
        return { kind: 'Ingress', name: ing.name, notes: [], steps: [createStep('Ingress', ref.namespace, ing.name, manifest)] };
      });
    });
  }

  updateIngress(caller: Caller, ref: ObjectRef, change: IngressUpdate, opts: MutationOptions = {}): Promise<MutationOutcome> {
    return this.audited(caller, 'updateIngress', ref, opts, () => {
      refuseInvalid(opts, checkObjectRef(ref));
      return this.mutate(caller, 'updateIngress', ref, change, opts, async ({ objects, target }) => {
        const raw = await this.read(objects, target, 'Ingress', ref.namespace, ref.name);
        if (!raw) throw notFound(target, 'Ingress', ref);
        const current = normalize('INGRESS', raw).record;
        const { resourceVersion, ...fields } = change;
        const res = ingressUpdateManifest(current, fields, { resourceVersion: resourceVersion ?? undefined });
        if (!res.ok) throw refused(res);
        const step: PlanStep = { op: 'apply', kind: 'Ingress', namespace: ref.namespace, name: ref.name, manifest: res.manifest, creates: false, summary: `update ingress ${ref.namespace}/${ref.name}`, undo: restoreIngress(current) };
        return { kind: 'Ingress', name: ref.name, notes: [], steps: [step] };
      });
    });
  }

  deleteIngress(caller: Caller, ref: ObjectRef, opts: DeleteOptions = {}): Promise<MutationOutcome> {
    return this.deleteObject(caller, 'deleteIngress', 'Ingress', ref, opts);
  }

  private deleteObject(caller: Caller, operation: string, kind: 'Service' | 'Ingress', ref: ObjectRef, opts: DeleteOptions): Promise<MutationOutcome> {
    return this.audited(caller, operation, ref, opts, () => {
      refuseInvalid(opts, checkObjectRef(ref));
      return this.mutate(caller, operation, ref, { resourceVersion: opts.resourceVersion ?? null }, opts, async ({ objects, target }) => {
        const raw = await this.read(objects, target, kind, ref.namespace, ref.name);
        if (!raw) throw notFound(target, kind, ref);
        const uid = raw.metadata?.uid;
        const step: PlanStep = {
          op: 'delete',
          kind,
          namespace: ref.namespace,
          name: ref.name,
          // Never delete a newer incarnation than the one we looked at (or the caller named).
          preconditions: { uid, ...(opts.resourceVersion ? { resourceVersion: opts.resourceVersion } : {}) },
          creates: false,
          summary: `delete ${kind.toLowerCase()} ${ref.namespace}/${ref.name}`,
          undo: kind === 'Service' ? restoreService(normalize('SERVICE', raw).record) : restoreIngress(normalize('INGRESS', raw).record),
        };
        return { kind, name: ref.name, notes: [], steps: [step], deleted: true };
      });
    });
  }

  /** The common path: idempotency, cluster lookup, plan, execute, write through. */
  private mutate(caller: Caller, operation: string, ref: ObjectRef, request: unknown, opts: MutationOptions, decide: (ctx: Context) => Promise<Decision>): Promise<MutationOutcome> {
    const dryRun = opts.dryRun ?? false;
    const force = opts.force ?? false;
    // Keys are per caller: one caller's key can never replay another's answer.
    return this.idempotency.run(opts.idempotencyKey, callerKey(caller), operation, { ref, request, dryRun, force }, async () => {
      const target = await this.directory.find(ref.cluster);
      if (!target) throw new DomainError('NOT_FOUND', `cluster "${ref.cluster}" not found`, [{ field: 'cluster', rule: 'notFound', message: `no cluster named "${ref.cluster}" is registered` }]);
      const objects = new KubeObjects(target.kubeConfig);
      const decision = await decide({ target, objects });
      const executed = await executePlan(objects, decision.steps, { cluster: target.name, dryRun, force, fieldOf: decision.fieldOf });
      if (!dryRun) await this.writeThrough(target, executed);
      const urls = await this.predicted.of(target, executed, dryRun, decision.steps);
      return {
        operation,
        dryRun,
        cluster: target.name,
        kind: decision.kind,
        namespace: ref.namespace,
        name: decision.name,
        deleted: (decision.deleted ?? false) && !dryRun,
        changes: executed.map((e, i) => ({ ...e.change, accessUrls: urls[i] ?? [] })),
        notes: decision.notes,
        replayed: false,
      };
    });
  }

  /**
   * The cluster's answer goes straight into the catalog, so the caller reads its own
   * write; the watch delivers the same version moments later and changes nothing. A
   * failure here is logged, not raised: the cluster has the change, and sync will
   * mirror it.
   */
  private async writeThrough(target: ClusterTarget, executed: ExecutedStep[]): Promise<void> {
    for (const e of executed) {
      if (e.change.action === 'NONE') continue;
      const kind = KIND[e.change.kind];
      try {
        if (e.result) await this.writer.apply(target.id, kind, [normalize(kind, e.result).record], [], { skipOlder: true });
        else if (e.uid) await this.writer.apply(target.id, kind, [], [{ namespace: e.change.namespace, name: e.change.name, uid: e.uid }]);
        await this.feed.publish({ cluster: target.name, kind, op: e.result ? 'UPSERT' : 'DELETE', objects: [`${e.change.namespace}/${e.change.name}`] });
      } catch (err) {
        this.logger.warn(`write-through of ${e.change.kind} ${e.change.namespace}/${e.change.name} failed (sync will catch up): ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async read(objects: KubeObjects, target: ClusterTarget, kind: 'Service' | 'Ingress', namespace: string, name: string): Promise<RawObject | undefined> {
    try {
      return await objects.get(kind, namespace, name);
    } catch (err) {
      throw kubeWriteError(err, { cluster: target.name, kind, namespace, name }, 'read');
    }
  }

  private async liveService(objects: KubeObjects, target: ClusterTarget, ref: ObjectRef): Promise<ServiceRecord> {
    const raw = await this.read(objects, target, 'Service', ref.namespace, ref.name);
    if (!raw) throw notFound(target, 'Service', ref);
    return normalize('SERVICE', raw).record;
  }

  /** Every ingress of the cluster, live: expose must see host + path claims in all namespaces. */
  private async liveIngresses(objects: KubeObjects, target: ClusterTarget, ref: ObjectRef): Promise<IngressRecord[]> {
    try {
      return (await objects.list('Ingress')).map((i) => normalize('INGRESS', i).record);
    } catch (err) {
      throw kubeWriteError(err, { cluster: target.name, kind: 'Ingress', namespace: ref.namespace, name: ref.name }, 'list');
    }
  }

  private async requireNamespace(objects: KubeObjects, target: ClusterTarget, namespace: string, kind: 'Service' | 'Ingress', name: string): Promise<void> {
    let exists: boolean;
    try {
      exists = await objects.namespaceExists(namespace);
    } catch (err) {
      throw kubeWriteError(err, { cluster: target.name, kind, namespace, name }, 'read');
    }
    if (!exists) {
      throw new DomainError('NOT_FOUND', `namespace "${namespace}" not found in cluster "${target.name}"`, [{ field: 'namespace', rule: 'notFound', message: `namespace "${namespace}" does not exist` }]);
    }
  }
}

/** Names from a request are only recorded when they are short strings (bad input can be anything). */
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.length <= 253 ? v : null);

const nameOf = (input: unknown): string | undefined =>
  input && typeof input === 'object' && typeof (input as { name?: unknown }).name === 'string' ? (input as { name: string }).name : undefined;

/** What the transport found wrong with the request, and what the checks found: all at once, or nothing. */
function refuseInvalid(opts: MutationOptions, ...found: readonly ValidationIssue[][]): void {
  const issues = [...(opts.inputIssues ?? []), ...found.flat()];
  if (issues.length) throw DomainError.validation(issues);
}

function createStep(kind: 'Service' | 'Ingress', namespace: string, name: string, manifest: Manifest): PlanStep {
  return {
    op: 'apply',
    kind,
    namespace,
    name,
    manifest,
    creates: true,
    summary: `create ${kind.toLowerCase()} ${namespace}/${name}`,
    undo: { op: 'delete', kind, namespace, name, summary: `delete ${kind.toLowerCase()} ${namespace}/${name}` },
  };
}

function decided(kind: 'Service' | 'Ingress', name: string, plan: PlanResult, fieldOf?: (f: string) => string): Decision {
  if (!plan.ok) throw refused(plan);
  return { kind, name, steps: plan.steps, notes: plan.notes, fieldOf };
}

/** A planner's refusal as the caller's error: every issue with its field. */
function refused(r: Refusal): DomainError {
  const details = r.issues.map((i) => ({ field: i.field, rule: i.rule, message: i.message }));
  if (r.reason === 'recreateRequired') return new DomainError('RECREATE_REQUIRED', r.message, details);
  if (r.reason === 'conflict') return new DomainError('CONFLICT', r.message, details);
  return DomainError.validation(details, r.message);
}

function notFound(target: ClusterTarget, kind: string, ref: ObjectRef): DomainError {
  return DomainError.notFound(`${kind.toLowerCase()} "${ref.name}" in namespace "${ref.namespace}" of cluster "${target.name}"`);
}

function alreadyExists(target: ClusterTarget, kind: string, namespace: string, name: string): DomainError {
  return new DomainError('ALREADY_EXISTS', `${kind.toLowerCase()} "${name}" already exists in namespace "${namespace}" of cluster "${target.name}"`, [
    { field: 'name', rule: 'duplicate', message: `a ${kind.toLowerCase()} named "${name}" already exists` },
  ]);
}
