import { Injectable } from '@nestjs/common';
import { topWorkload } from '@switchboard/k8s-model';
import { AccessPolicy } from '../../auth/access-policy.service.js';
import type { Caller } from '../../auth/caller.js';
import { DomainError } from '../../errors/domain-error.js';
import type { TopWorkload, WorkloadRow } from './catalog-workload.js';
import { WorkloadsRepository } from './workloads.repository.js';

@Injectable()
export class WorkloadsService {
  constructor(
    private readonly repo: WorkloadsRepository,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * The top workloads of a cluster (or namespace): each pod's owner chain resolved to its
   * top (a ReplicaSet's Deployment, a Job's CronJob, or the bare pod), plus the top-level
   * workloads no pod runs for now. A cluster outside the read scope is the same as absent.
   */
  async list(caller: Caller, cluster: string, namespace?: string): Promise<TopWorkload[]> {
    const found = await this.repo.load(cluster, namespace || undefined, this.access.readScope(caller));
    if (!found) throw DomainError.notFound(`cluster "${cluster}"`);
    const byUid = new Map(found.workloads.map((w) => [w.uid, w]));
    const tops = new Map<string, TopWorkload>();
    const entry = (kind: string, ns: string, name: string, uid: string | null, mirrored: WorkloadRow | null) => {
      const key = `${ns}/${kind}/${name}`;
      let t = tops.get(key);
      if (!t) tops.set(key, (t = { cluster, kind, namespace: ns, name, uid, mirrored, pods: [] }));
      return t;
    };
    // Workloads nothing mirrored owns are tops even without pods (a Deployment scaled to 0).
    for (const w of found.workloads) if (!w.ownerUid || !byUid.has(w.ownerUid)) entry(w.kind, w.namespace, w.name, w.uid, w);
    for (const pod of found.pods) {
      const top = topWorkload(pod, byUid);
      entry(top.kind, pod.namespace, top.name, top.uid, top.uid ? (byUid.get(top.uid) ?? null) : null).pods.push(pod.name);
    }
    return [...tops.values()].sort((a, b) => (a.namespace === b.namespace ? (a.name === b.name ? (a.kind < b.kind ? -1 : 1) : a.name < b.name ? -1 : 1) : a.namespace < b.namespace ? -1 : 1));
  }

  /** One top workload of a namespace (by kind and name, as `list` reports it), or NOT_FOUND. */
  async get(caller: Caller, cluster: string, namespace: string, kind: string, name: string): Promise<TopWorkload> {
    const found = (await this.list(caller, cluster, namespace)).find((w) => w.kind === kind && w.name === name);
    if (!found) throw DomainError.notFound(`workload ${kind} ${namespace}/${name} in cluster "${cluster}"`);
    return found;
  }
}
