import type { EndpointSliceRecord, PodRecord, ServiceRecord } from '../catalog-types.js';
import { selectorMapMatches } from '../label-selector.js';
import { DEFAULT_CLUSTER_DOMAIN } from '../access-urls/types.js';
import { DEFAULT_LOAD_BALANCER_PENDING_SECONDS, type Diagnostic, type DiagnosticsOptions } from './types.js';

/** What the checks of one service need from its cluster. */
export interface ServiceContext {
  cluster: string;
  clusterDomain?: string | null;
  /** Pods of the service's namespace (others are ignored). */
  pods: PodRecord[];
  /** Endpoint slices (those of other services are ignored). */
  endpointSlices: EndpointSliceRecord[];
  /** Services of the cluster, to resolve in-cluster ExternalName targets. */
  services: ServiceRecord[];
}

export function readyEndpointCount(service: Pick<ServiceRecord, 'namespace' | 'name'>, slices: EndpointSliceRecord[]): { ready: number; total: number } {
  // Dual-stack services have one slice per family; count distinct endpoints by target.
  const ready = new Set<string>();
  const total = new Set<string>();
  for (const s of slices) {
    if (s.namespace !== service.namespace || s.serviceName !== service.name) continue;
    for (const e of s.endpoints) {
      const key = e.targetUid ?? e.targetName ?? e.address;
      total.add(key);
      if (e.ready) ready.add(key);
    }
  }
  return { ready: ready.size, total: total.size };
}

/** `<svc>.<ns>.svc.<domain>` → { name, namespace }; anything else is not an in-cluster service name. */
export function parseInClusterServiceName(externalName: string, clusterDomain: string): { name: string; namespace: string } | null {
  const host = externalName.toLowerCase().replace(/\.$/, '');
  const suffix = `.svc.${clusterDomain.toLowerCase().replace(/\.$/, '')}`;
  if (!host.endsWith(suffix)) return null;
  const parts = host.slice(0, -suffix.length).split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { name: parts[0], namespace: parts[1] };
}

/**
 * Service-level findings. Endpoint checks apply to services with a selector only:
 * selector-less services have endpoints managed elsewhere. The "selects no pods" /
 * "no ready endpoints" pair fires exactly when no endpoint is ready.
 */
export function diagnoseService(service: ServiceRecord, ctx: ServiceContext, opts: DiagnosticsOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const object = { kind: 'Service' as const, cluster: ctx.cluster, namespace: service.namespace, name: service.name };
  const ref = `${service.namespace}/${service.name}`;

  if (service.selector && service.type !== 'ExternalName') {
    const { ready, total } = readyEndpointCount(service, ctx.endpointSlices);
    if (ready === 0) {
      const selector = Object.entries(service.selector).map(([k, v]) => `${k}=${v}`).join(',');
      const pods = ctx.pods.filter((p) => p.namespace === service.namespace && p.phase !== 'Succeeded' && p.phase !== 'Failed' && selectorMapMatches(service.selector, p.labels));
      if (pods.length === 0) {
        out.push({ code: 'SERVICE_SELECTS_NO_PODS', severity: 'WARNING', object, message: `Service ${ref} selects no pods: no pod in namespace ${service.namespace} matches ${selector}` });
      } else {
        const notReady = pods.filter((p) => !p.ready || p.terminating).length;
        out.push({
          code: 'SERVICE_NO_READY_ENDPOINTS',
          severity: 'ERROR',
          object,
          message: `Service ${ref} has no ready endpoints: ${pods.length} pod(s) match ${selector}, ${notReady} not ready${total ? `, ${total} endpoint(s) none ready` : ''}`,
        });
      }
    }
  }

  if (service.type === 'LoadBalancer' && service.loadBalancerIngress.length === 0) {
    const limit = opts.loadBalancerPendingSeconds ?? DEFAULT_LOAD_BALANCER_PENDING_SECONDS;
    const elapsed = (new Date(opts.now).getTime() - Date.parse(service.k8sCreatedAt)) / 1000;
    if (elapsed > limit) {
      out.push({ code: 'LOAD_BALANCER_PENDING', severity: 'WARNING', object, message: `Service ${ref} has waited ${Math.floor(elapsed / 60)} min for a load-balancer address (limit ${Math.round(limit / 60)} min): is a load-balancer controller running?` });
    }
  }

  if (service.type === 'ExternalName' && service.externalName) {
    const target = parseInClusterServiceName(service.externalName, ctx.clusterDomain || DEFAULT_CLUSTER_DOMAIN);
    if (target && !ctx.services.some((s) => s.namespace === target.namespace && s.name === target.name)) {
      out.push({ code: 'EXTERNAL_NAME_TARGET_MISSING', severity: 'ERROR', object, message: `Service ${ref} is an alias for ${service.externalName}, but service ${target.namespace}/${target.name} does not exist in cluster ${ctx.cluster}` });
    }
  }
  return out;
}
