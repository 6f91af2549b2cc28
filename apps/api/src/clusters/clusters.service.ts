import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { clusterSyncStatus, dns1123LabelErrors, fromGlobalId, toGlobalId, validateClusterInput, validateClusterUpdate } from '@switchboard/k8s-model';
import { AuditService } from '../audit/audit.service.js';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Caller } from '../auth/caller.js';
import type { ClusterStatusChange } from '../change-feed/catalog-change.js';
import { ChangeFeed } from '../change-feed/change-feed.service.js';
import { toKeyValues } from '../catalog/shared/label.model.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';
import type { FieldIssue } from '../errors/error-codes.js';
import { ClusterDirectory } from './cluster-directory.js';
import type { AuthKind, ClusterRecord, KindSyncState, NewCluster } from './cluster.types.js';
import { ClustersRepository } from './clusters.repository.js';
import { redactSecrets } from './redact-secrets.js';
import type { ClusterCredentials } from './credential-cipher.js';
import type { ClusterModel, LabelInput, RegisterClusterInput, UpdateClusterInput } from './dto/cluster.model.js';
import type { ConnectionOutcome, ConnectionTestModel } from './dto/connection-test.model.js';
import { credentialsFromKubeconfig, kubeConfigFor, probeCluster } from './kube-connection.js';

type Candidate = { name: string; authKind: AuthKind; context: string | null; credentials: ClusterCredentials };

// Registration's refusals that are a connection verdict (everything else stays an error of the request).
const OUTCOME_OF: Record<string, ConnectionOutcome> = { CLUSTER_UNREACHABLE: 'UNREACHABLE', CLUSTER_TLS: 'TLS', CLUSTER_UNAUTHORIZED: 'UNAUTHORIZED', CLUSTER_FORBIDDEN: 'FORBIDDEN', CLUSTER_ERROR: 'ERROR' };

// GraphQL sends labels as [{ key, value }]; REST bodies may send a plain map.
const toMap = (labels: LabelInput[] | Record<string, string> | undefined): Record<string, string> =>
  Array.isArray(labels) ? Object.fromEntries(labels.map((l) => [l.key, l.value])) : { ...(labels ?? {}) };

/** A PATCH body checked by k8s-model's rule (GraphQL sends labels as a list, REST as a map). */
function clusterUpdateIssues(input: UpdateClusterInput): FieldIssue[] {
  const raw = input !== null && typeof input === 'object' && !Array.isArray(input) && Array.isArray((input as { labels?: unknown }).labels) ? { ...input, labels: toMap(input.labels) } : input;
  return validateClusterUpdate(raw).map((i) => ({ field: i.field, rule: i.rule, message: i.message }));
}

@Injectable()
export class ClustersService {
  private readonly logger = new Logger('Clusters');

  constructor(
    private readonly repo: ClustersRepository,
    private readonly directory: ClusterDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly feed: ChangeFeed,
  ) {}

  /** Every caller sees the clusters its read scope reaches (all, unless its token reads its grants only). */
  async list(caller: Caller): Promise<ClusterModel[]> {
    const clusters = (await this.repo.list()).filter((c) => this.access.canSeeCluster(caller, c.id));
    const states = await this.repo.syncStates(clusters.map((c) => c.id));
    return clusters.map((c) => this.toModel(c, states.get(c.id) ?? []));
  }

  /** By database id, in order; null where the caller may not see the cluster or it is gone. Two statements for any number. */
  async byIds(caller: Caller, ids: readonly string[]): Promise<(ClusterModel | null)[]> {
    const found = (await this.repo.findByIds(ids)).filter((c) => this.access.canSeeCluster(caller, c.id));
    const states = await this.repo.syncStates(found.map((c) => c.id));
    const byId = new Map(found.map((c) => [c.id, this.toModel(c, states.get(c.id) ?? [])]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async get(caller: Caller, ref: string): Promise<ClusterModel> {
    const c = await this.find(ref);
    if (!this.access.canSeeCluster(caller, c.id)) throw DomainError.notFound(`cluster "${ref}"`);
    return this.model(c.id);
  }

  private async model(id: string): Promise<ClusterModel> {
    const c = await this.find(id);
    return this.toModel(c, (await this.repo.syncStates([c.id])).get(c.id) ?? []);
  }

  /** Tests every connection first; stores nothing unless all succeed. Admins only. */
  register(caller: Caller, input: RegisterClusterInput): Promise<ClusterModel[]> {
    return this.audit.track(
      caller,
      'registerCluster',
      { cluster: typeof input?.name === 'string' ? input.name : null, details: { via: input?.kubeconfig ? 'kubeconfig' : input?.server ? 'server' : input?.inCluster ? 'inCluster' : null } },
      async () => {
        this.access.requireRole(caller, 'admin');
        try {
          return await this.registerChecked(input);
        } catch (err) {
          throw redactSecrets(err, [input?.token, input?.kubeconfig, input?.caData]);
        }
      },
      (created) => ({ cluster: created.map((c) => c.name).join(','), details: { clusters: created.map((c) => c.name) } }),
    );
  }

  /**
   * Runs registration's checks and connection test without storing anything: each
   * cluster the input would register with its verdict. Bad input (an unreadable
   * kubeconfig, a missing context, a name taken) is refused as registration would.
   */
  testConnection(caller: Caller, input: RegisterClusterInput): Promise<ConnectionTestModel[]> {
    return this.audit.track(
      caller,
      'testClusterConnection',
      { cluster: typeof input?.name === 'string' ? input.name : null, details: { via: input?.kubeconfig ? 'kubeconfig' : input?.server ? 'server' : input?.inCluster ? 'inCluster' : null } },
      async () => {
        this.access.requireRole(caller, 'admin');
        try {
          const candidates = await this.candidatesOf(input);
          return await Promise.all(candidates.map((c) => this.testOne(c)));
        } catch (err) {
          throw redactSecrets(err, [input?.token, input?.kubeconfig, input?.caData]);
        }
      },
      (tests) => ({ cluster: tests.map((t) => t.name).join(','), details: { outcomes: tests.map((t) => `${t.name}: ${t.outcome}`) } }),
    );
  }

  private async testOne(c: Candidate): Promise<ConnectionTestModel> {
    const base = { name: c.name, context: c.context, server: c.credentials.server };
    try {
      await probeCluster(c.name, kubeConfigFor(c.name, c.credentials));
      return { ...base, outcome: 'OK', errorCode: null, message: `Cluster "${c.name}" at ${c.credentials.server} answered, and every synced kind can be listed and watched`, forbidden: [] };
    } catch (err) {
      const outcome = err instanceof DomainError ? OUTCOME_OF[err.code] : undefined;
      if (!outcome || !(err instanceof DomainError)) throw err;
      return { ...base, outcome, errorCode: err.code, message: err.message, forbidden: outcome === 'FORBIDDEN' ? err.details.map((d) => d.message) : [] };
    }
  }

  private async registerChecked(input: RegisterClusterInput): Promise<ClusterModel[]> {
    const candidates = await this.candidatesOf(input);
    for (const c of candidates) await probeCluster(c.name, kubeConfigFor(c.name, c.credentials));

    const created = await this.repo.createMany(
      candidates.map(
        (c): NewCluster => ({
          name: c.name,
          displayName: input.displayName ?? c.name,
          server: c.credentials.server,
          authKind: c.authKind,
          context: c.context,
          clusterDomain: input.clusterDomain ?? 'cluster.local',
          labels: toMap(input.labels),
          credentials: this.directory.cipher.encrypt(c.credentials),
        }),
      ),
    );
    for (const c of created) await this.directory.emit({ type: 'registered', clusterId: c.id });
    return created.map((c) => this.toModel(c, []));
  }

  /** What registering `input` would store, checked (validation, context names, names free) but not yet probed. */
  private async candidatesOf(input: RegisterClusterInput): Promise<Candidate[]> {
    const contexts = input.contexts?.length ? input.contexts : input.context ? [input.context] : undefined;
    const issues: FieldIssue[] = validateClusterInput({
      ...input,
      name: input.name ?? (contexts?.length === 1 ? contexts[0] : contexts?.length ? contexts[0] : input.kubeconfig ? 'from-kubeconfig' : undefined),
      context: contexts?.[0],
      contexts: undefined,
      labels: Array.isArray(input.labels) ? toMap(input.labels) : input.labels,
    }).map((i) => ({ field: i.field, rule: i.rule, message: i.message }));
    if (contexts && contexts.length > 1 && input.name) issues.push({ field: 'name', rule: 'forbidden', message: 'may not be set with several contexts: each cluster is named after its context' });
    if (issues.length) throw DomainError.validation(issues);

    const candidates: Candidate[] = [];
    if (input.kubeconfig) {
      for (const c of credentialsFromKubeconfig(input.kubeconfig, contexts)) {
        candidates.push({ name: contexts && contexts.length > 1 ? c.context : (input.name ?? c.context), authKind: 'KUBECONFIG', context: c.context, credentials: c.credentials });
      }
    } else if (input.server) {
      const caData = input.caData ? (input.caData.trimStart().startsWith('-----BEGIN') ? input.caData : Buffer.from(input.caData, 'base64').toString('utf8')) : undefined;
      candidates.push({ name: input.name!, authKind: 'TOKEN', context: null, credentials: { server: input.server, token: input.token!, caData } });
    } else {
      candidates.push({ name: input.name!, authKind: 'IN_CLUSTER', context: null, credentials: await this.inClusterCredentials() });
    }
    for (const c of candidates) {
      const bad = dns1123LabelErrors(c.name);
      if (bad.length) throw DomainError.validation([{ field: 'contexts', rule: 'dns1123Label', message: `context "${c.name}" cannot be a cluster name: ${bad.join('; ')}; register it with a name` }]);
    }
    const taken = await this.repo.namesTaken(candidates.map((c) => c.name));
    if (taken.length) throw new DomainError('ALREADY_EXISTS', `cluster ${taken.map((t) => `"${t}"`).join(', ')} is already registered`, taken.map((t) => ({ field: 'name', rule: 'duplicate', message: `"${t}" is taken` })));
    return candidates;
  }

  /**
   * Probes new connection details for a registered cluster and swaps them in (demo
   * mode: a simulator that came back on another port). Name, labels and catalog stay.
   */
  /** Points a cluster at new credentials (the kubeconfig's current context, or the one named). */
  async reconnect(caller: Caller, ref: string, kubeconfig: string, context?: string): Promise<ClusterModel> {
    this.access.requireRole(caller, 'admin');
    const current = await this.find(ref);
    const [c] = credentialsFromKubeconfig(kubeconfig, context ? [context] : undefined);
    await probeCluster(current.name, kubeConfigFor(current.name, c!.credentials));
    await this.repo.replaceConnection(current.id, { server: c!.credentials.server, authKind: 'KUBECONFIG', context: c!.context, credentials: this.directory.cipher.encrypt(c!.credentials) });
    await this.directory.emit({ type: 'updated', clusterId: current.id });
    return this.model(current.id);
  }

  update(caller: Caller, ref: string, input: UpdateClusterInput): Promise<ClusterModel> {
    return this.audit.track(caller, 'updateCluster', { cluster: ref, details: { fields: input && typeof input === 'object' ? Object.keys(input) : [] } }, async () => {
      this.access.requireRole(caller, 'admin');
      return this.updateChecked(ref, input);
    });
  }

  private async updateChecked(ref: string, input: UpdateClusterInput): Promise<ClusterModel> {
    const current = await this.find(ref);
    const issues = clusterUpdateIssues(input);
    if (issues.length) throw DomainError.validation(issues);
    if (input.name && input.name !== current.name && (await this.repo.namesTaken([input.name])).length) {
      throw new DomainError('ALREADY_EXISTS', `cluster "${input.name}" is already registered`, [{ field: 'name', rule: 'duplicate', message: `"${input.name}" is taken` }]);
    }
    const updated = await this.repo.update(current.id, {
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.displayName != null ? { displayName: input.displayName } : {}),
      ...(input.clusterDomain != null ? { clusterDomain: input.clusterDomain } : {}),
      ...(input.labels != null ? { labels: toMap(input.labels) } : {}),
      ...(input.paused != null ? { paused: input.paused } : {}),
    });
    const pauseChanged = input.paused != null && input.paused !== current.paused;
    // Workers restart on 'updated' to pick up a new name or domain; a pause alone needs only 'paused'/'resumed'.
    const otherChanged = ['name', 'displayName', 'clusterDomain', 'labels'].some((k) => input[k as keyof UpdateClusterInput] != null);
    if (otherChanged || !pauseChanged) await this.directory.emit({ type: 'updated', clusterId: current.id });
    if (pauseChanged) {
      await this.directory.emit({ type: input.paused ? 'paused' : 'resumed', clusterId: current.id });
      // Resumed: PENDING until its kinds report from the sync loops.
      await this.publishStatus(updated.name, input.paused ? 'PAUSED' : 'PENDING');
    }
    return this.model(updated.id);
  }

  /** Stops its sync and deletes every mirrored row of it (cascade). Admins only. */
  remove(caller: Caller, ref: string): Promise<ClusterModel> {
    return this.audit.track(caller, 'removeCluster', { cluster: ref }, async () => {
      this.access.requireRole(caller, 'admin');
      return this.removeChecked(ref);
    });
  }

  private async removeChecked(ref: string): Promise<ClusterModel> {
    const record = await this.find(ref);
    const model = await this.model(record.id);
    // Stop local workers, and wait for them, before their rows go; tell the other replicas once the delete has committed.
    await this.directory.emitLocal({ type: 'removed', clusterId: record.id });
    try {
      await this.repo.remove(record.id);
    } catch (err) {
      // Still registered: its sync starts again.
      await this.directory.emitLocal({ type: 'updated', clusterId: record.id });
      throw err;
    }
    await this.directory.publish({ type: 'removed', clusterId: record.id });
    await this.publishStatus(record.name, 'REMOVED');
    return model;
  }

  /** A whole-cluster transition on clusterStatusChanged (the kinds' own come from their sync loops). */
  private async publishStatus(cluster: string, status: ClusterStatusChange['status']): Promise<void> {
    await this.feed
      .publishClusterStatus({ cluster, kind: null, status, lastError: null })
      .catch((err) => this.logger.warn(`could not publish that cluster ${cluster} is ${status}: ${err instanceof Error ? err.message : String(err)}`));
  }

  resync(caller: Caller, ref: string): Promise<ClusterModel> {
    return this.audit.track(caller, 'resyncCluster', { cluster: ref }, async () => {
      this.access.requireRole(caller, 'admin');
      const c = await this.find(ref);
      await this.directory.emit({ type: 'resync', clusterId: c.id });
      return this.model(c.id);
    });
  }

  /** By name, or by the opaque id the API hands out (a raw uuid works too). */
  private async find(ref: string): Promise<ClusterRecord> {
    const global = fromGlobalId(ref);
    const c = await this.repo.find(global?.type === 'Cluster' ? global.id : ref);
    if (!c) throw DomainError.notFound(`cluster "${ref}"`);
    return c;
  }

  private async inClusterCredentials(): Promise<ClusterCredentials> {
    const { serviceHost, servicePort, serviceAccountDir } = this.config.inCluster;
    if (!serviceHost) throw DomainError.validation([{ field: 'inCluster', rule: 'unavailable', message: 'the API is not running inside a cluster (KUBERNETES_SERVICE_HOST is not set)' }]);
    const tokenFile = path.join(serviceAccountDir, 'token');
    try {
      await access(tokenFile, constants.R_OK);
      // The token file, not its content: the kubelet rotates it.
      return { server: `https://${serviceHost.includes(':') ? `[${serviceHost}]` : serviceHost}:${servicePort}`, tokenFile, caData: await readFile(path.join(serviceAccountDir, 'ca.crt'), 'utf8') };
    } catch {
      throw DomainError.validation([{ field: 'inCluster', rule: 'unavailable', message: `no service account token in ${serviceAccountDir}` }]);
    }
  }

  private toModel(c: ClusterRecord, states: KindSyncState[]): ClusterModel {
    const status = clusterSyncStatus(c.paused, states);
    return {
      id: toGlobalId('Cluster', c.id),
      name: c.name,
      displayName: c.displayName,
      server: c.server,
      authKind: c.authKind,
      context: c.context,
      clusterDomain: c.clusterDomain,
      labels: toKeyValues(c.labels),
      paused: c.paused,
      status,
      syncStates: states.map((s) => ({ kind: s.kind, status: s.status, lastListAt: s.lastListAt, lastEventAt: s.lastEventAt, lastError: s.lastError, objectCount: s.objectCount, relists: s.relists, restarts: s.restarts, lagSeconds: s.lagSeconds })),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }
}
