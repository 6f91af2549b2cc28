import { serviceKindLabel, type ServiceType, TOPOLOGY_OBJECT_KINDS, type TopologyNodeKind, type TopologyObjectKind } from '@switchboard/k8s-model';
import type { LucideIcon } from 'lucide-react';
import { Box, CircleDot, Globe, Layers, Server, Waypoints } from 'lucide-react';
import type { ApiProblem } from '../../lib/graphql/errors';
import type { TopologyQuery, TopologyQueryVariables } from '../../lib/graphql/generated/graphql';
import { routes } from '../../lib/routes';

export type GraphNode = TopologyQuery['topology']['nodes'][number];
export type GraphEdge = TopologyQuery['topology']['edges'][number];
export type Graph = TopologyQuery['topology'];

export const KIND_WORD: Record<TopologyNodeKind, string> = { Cluster: 'cluster', Namespace: 'namespace', Ingress: 'ingress', Service: 'service', Pod: 'pod', Endpoint: 'endpoint' };
export const KIND_PLURAL: Record<TopologyObjectKind, string> = { Ingress: 'ingresses', Service: 'services', Pod: 'pods', Endpoint: 'endpoints' };
export const KIND_ICON: Record<TopologyNodeKind, LucideIcon> = { Cluster: Server, Namespace: Layers, Ingress: Globe, Service: Waypoints, Pod: Box, Endpoint: CircleDot };

export const plural = (n: number, kind: TopologyObjectKind) => `${n.toLocaleString('en-US')} ${n === 1 ? KIND_WORD[kind] : KIND_PLURAL[kind]}`;

export function dataOf(n: GraphNode): Record<string, string> {
  return Object.fromEntries(n.data.map((kv) => [kv.key, kv.value]));
}

/** One line of facts for a node, from the API's `data`: service kind and IP, ingress hosts, pod IP and node. */
export function factsOf(n: GraphNode): string {
  const d = dataOf(n);
  switch (n.kind) {
    case 'Service':
      if (n.status === 'MISSING') return 'no such service: an ingress routes to it';
      return [d.type ? serviceKindLabel({ type: d.type as ServiceType, headless: d.headless === 'true' }) : null, d.externalName ? `→ ${d.externalName}` : d.clusterIp && d.clusterIp !== 'None' ? d.clusterIp : null].filter(Boolean).join(' · ');
    case 'Ingress':
      return [d.hosts || 'any host', d.ingressClassName ? `class ${d.ingressClassName}` : null].filter(Boolean).join(' · ');
    case 'Pod':
      return [d.ready === 'true' ? 'ready' : 'not ready', d.podIp, d.nodeName ? `on ${d.nodeName}` : null].filter(Boolean).join(' · ');
    case 'Endpoint':
      return d.ready === 'true' ? 'ready address' : 'address not ready';
    case 'Cluster':
      return d.clusterDomain ? `domain ${d.clusterDomain}` : '';
    default:
      return '';
  }
}

/**
 * Where clicking a node leads: a service or ingress to its page; a pod or endpoint to the
 * page of the service it belongs to; a missing service nowhere (there is no page).
 */
export function nodeHref(n: GraphNode, owners: readonly string[] | undefined, byId: ReadonlyMap<string, GraphNode>): string | null {
  if (!n.namespace) return null;
  if (n.kind === 'Service') return n.status === 'MISSING' ? null : routes.service(n.cluster, n.namespace, n.name);
  if (n.kind === 'Ingress') return routes.ingress(n.cluster, n.namespace, n.name);
  if (n.kind === 'Pod' || n.kind === 'Endpoint') {
    const svc = owners?.map((id) => byId.get(id)).find((s) => s && s.namespace);
    return svc ? routes.service(svc.cluster, svc.namespace!, svc.name) : null;
  }
  return null;
}

/** The `focus` URL parameter: a service's topology id, `svc:<cluster>/<namespace>/<name>`. */
export function parseServiceFocus(focus: string | null | undefined): { cluster: string; namespace: string; name: string } | null {
  const m = /^svc:([^/]+)\/([^/]+)\/([^/]+)$/.exec(focus ?? '');
  return m ? { cluster: m[1]!, namespace: m[2]!, name: m[3]! } : null;
}

/** The `kind` URL parameter: a comma-separated subset of the object kinds (empty: all). */
export function parseKinds(value: string | null | undefined): TopologyObjectKind[] {
  const wanted = new Set((value ?? '').split(',').map((s) => s.trim().toLowerCase()));
  return TOPOLOGY_OBJECT_KINDS.filter((k) => wanted.has(k.toLowerCase()));
}

export interface TopologyScope {
  cluster?: string | null;
  namespace?: string | null;
  service?: { cluster: string; namespace: string; name: string } | null;
}

/** The query variables of a scope, and a key that names the scope (the variables as JSON). */
export function topologyRequest(scope: TopologyScope): { key: string; variables: TopologyQueryVariables } {
  const s = scope.service;
  const variables: TopologyQueryVariables = s ? { service: { cluster: s.cluster, namespace: s.namespace, name: s.name } } : { cluster: scope.cluster || null, namespace: scope.namespace || null };
  return { key: JSON.stringify(variables), variables };
}

/** The scope a /topology URL asks for: a service's neighbourhood (`focus`), or a cluster/namespace. */
export function scopeOfParams(p: { cluster?: string | null; namespace?: string | null; focus?: string | null }): TopologyScope {
  const service = parseServiceFocus(p.focus);
  return service ? { service } : { cluster: p.cluster || null, namespace: p.namespace || null };
}

/** The graph the server fetched while rendering the page, for the scope of its URL. */
export type SeedResult = { ok: true; data: TopologyQuery } | { ok: false; problem: ApiProblem };
export interface TopologySeed {
  key: string;
  result: Promise<SeedResult | null>;
}
