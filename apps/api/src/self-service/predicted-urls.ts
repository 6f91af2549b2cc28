import { Injectable } from '@nestjs/common';
import { type AccessUrl, ingressAccessUrls, type IngressRecord, normalize, type PlanStep, serviceAccessUrls } from '@switchboard/k8s-model';
import type { ClusterTarget } from '../clusters/cluster-directory.js';
import { RelatedObjectsRepository } from '../catalog/related/related-objects.repository.js';
import type { RawObject } from './kube-objects.js';
import type { PredictedUrl } from './mutation-outcome.js';
import type { ExecutedStep } from './plan-executor.js';

/**
 * The URLs each object of a change has afterwards, from the cluster's answer — on a dry
 * run the object the cluster *would* store — so a review shows where the service will be
 * reachable before anything is applied. A service's URLs use the cluster's nodes, its
 * endpoint slices and the ingresses routing to it from the catalog, with the ingresses this same change writes
 * put in their place; deleted objects have none. A dry-run create allocates a cluster IP
 * and node ports it does not keep: those URLs say they are examples.
 */
@Injectable()
export class PredictedUrls {
  constructor(private readonly related: RelatedObjectsRepository) {}

  async of(target: ClusterTarget, executed: ExecutedStep[], dryRun: boolean, steps: readonly PlanStep[]): Promise<PredictedUrl[][]> {
    const written = executed.map((e) => (e.result ? { kind: e.change.kind, raw: asStored(e.result) } : undefined));
    const changedIngresses = written.flatMap((w) => (w?.kind === 'Ingress' ? [normalize('INGRESS', w.raw).record] : []));
    const removedIngresses = new Set(executed.filter((e) => e.change.kind === 'Ingress' && !e.result).map((e) => `${e.change.namespace}/${e.change.name}`));
    return Promise.all(
      written.map(async (w) => {
        if (!w) return [];
        if (w.kind === 'Ingress') return ingressAccessUrls(normalize('INGRESS', w.raw).record).map(withPattern);
        const service = normalize('SERVICE', w.raw).record;
        const key = { clusterId: target.id, namespace: service.namespace, name: service.name };
        const [nodes, mirrored, endpointSlices] = await Promise.all([
          service.type === 'NodePort' || service.type === 'LoadBalancer' ? this.related.nodesByCluster([target.id]) : [],
          this.related.ingressesRoutingTo([key]),
          service.headless ? this.related.slicesByService([key]) : [],
        ]);
        const replaced = new Set(changedIngresses.map((i) => `${i.namespace}/${i.name}`));
        const ingresses: IngressRecord[] = [
          ...mirrored.filter((i) => !replaced.has(`${i.namespace}/${i.name}`) && !removedIngresses.has(`${i.namespace}/${i.name}`)),
          ...changedIngresses.filter((i) => i.namespace === service.namespace),
        ];
        const urls = serviceAccessUrls({ service, clusterDomain: target.clusterDomain, nodes, endpointSlices, ingresses }).map(withPattern);
        const step = steps.find((st) => st.op === 'apply' && st.kind === 'Service' && st.name === service.name && st.namespace === service.namespace);
        return dryRun && step?.creates ? urls.map((u) => markExample(u, requestedNodePorts(step))) : urls;
      }),
    );
  }
}

/** Node ports the caller chose (a real create keeps those; the others are allocated anew). */
function requestedNodePorts(step: PlanStep): number[] {
  if (step.op !== 'apply') return [];
  const ports = (step.manifest.spec as { ports?: { nodePort?: number }[] } | undefined)?.ports ?? [];
  return ports.flatMap((p) => (p.nodePort ? [p.nodePort] : []));
}

function markExample(u: PredictedUrl, keptNodePorts: number[]): PredictedUrl {
  const example = u.via === 'CLUSTER_IP' || (u.via === 'NODE_PORT' && !keptNodePorts.includes(u.port ?? -1));
  if (!example) return u;
  const what = u.via === 'CLUSTER_IP' ? 'cluster IP' : 'node port';
  return { ...u, note: `${u.note ? `${u.note}; ` : ''}example address: the cluster allocates the real ${what} when the service is created` };
}

/**
 * A dry-run create's answer is an object the cluster never stored: it may lack the
 * version, uid and timestamp a stored one has (and normalising requires). None of them
 * changes a URL.
 */
function asStored(raw: RawObject): RawObject {
  const m: Record<string, unknown> = raw.metadata ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const filled = { resourceVersion: text(m['resourceVersion']) ?? '0', uid: text(m['uid']) ?? 'dry-run', creationTimestamp: text(m['creationTimestamp']) ?? new Date().toISOString() };
  return { ...raw, metadata: { ...m, ...filled } };
}

/** Just an access URL (an ingress URL also carries its rule and backend, which the answer's AccessUrl does not declare); `pattern` always said. */
const withPattern = ({ url, scope, via, pending, note, port, host, pattern }: AccessUrl): PredictedUrl => ({ url, scope, via, pending, note, port, host, pattern: pattern ?? false });
