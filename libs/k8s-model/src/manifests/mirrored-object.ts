import type { IngressRecord, LabelSelector, LoadBalancerIngress, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRecord, NetworkPolicyRule, ServiceRecord } from '../catalog-types.js';
import type { KubeIngress, KubeLoadBalancerIngress, KubeService, KubeServicePort } from '../kube-types.js';
import { ingressManifestFromRecord } from './ingress-manifest.js';
import { portOrName } from './common.js';

/**
 * A catalog record rendered back into the Kubernetes object it mirrors, for people to
 * read (the "YAML" of an object page): identity, labels and annotations, every spec
 * field the catalog keeps and status.loadBalancer. It is the mirrored state, not the
 * stored manifest: fields the catalog does not keep (managedFields, ipFamilies,
 * healthCheckNodePort…) are absent. Keys are sorted like `kubectl get -o yaml` prints
 * them; lists keep their order. `normalize*` of the result gives the record back.
 */
export function serviceObjectFromRecord(record: ServiceRecord): KubeService {
  const spec: NonNullable<KubeService['spec']> = { type: record.type };
  if (record.clusterIp) spec.clusterIP = record.clusterIp;
  if (record.clusterIps.length) spec.clusterIPs = [...record.clusterIps];
  if (record.externalIps.length) spec.externalIPs = [...record.externalIps];
  if (record.externalName) spec.externalName = record.externalName;
  if (record.selector && Object.keys(record.selector).length) spec.selector = { ...record.selector };
  const ports = [...record.ports].sort((a, b) => a.position - b.position);
  if (ports.length) {
    spec.ports = ports.map((p) => {
      const out: KubeServicePort = { protocol: p.protocol, port: p.port, targetPort: portOrName(p.targetPort) };
      if (p.name) out.name = p.name;
      if (p.nodePort !== null) out.nodePort = p.nodePort;
      if (p.appProtocol) out.appProtocol = p.appProtocol;
      return out;
    });
  }
  if (record.sessionAffinity) spec.sessionAffinity = record.sessionAffinity;
  if (record.externalTrafficPolicy) spec.externalTrafficPolicy = record.externalTrafficPolicy;
  if (record.internalTrafficPolicy) spec.internalTrafficPolicy = record.internalTrafficPolicy;
  if (record.publishNotReadyAddresses) spec.publishNotReadyAddresses = true;
  if (record.loadBalancerClass) spec.loadBalancerClass = record.loadBalancerClass;
  return sortKeys({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(record),
    spec,
    status: { loadBalancer: loadBalancerStatus(record.loadBalancerIngress) },
  });
}

/** The Ingress counterpart of serviceObjectFromRecord: rules regrouped by host, TLS, class, default backend, status. */
export function ingressObjectFromRecord(record: IngressRecord): KubeIngress {
  return sortKeys({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(record),
    spec: ingressManifestFromRecord(record).spec as KubeIngress['spec'],
    status: { loadBalancer: loadBalancerStatus(record.loadBalancerIngress) },
  });
}

/** A mirrored NetworkPolicy (the catalog may answer it without its resourceVersion). */
export type MirroredNetworkPolicy = Omit<NetworkPolicyRecord, 'resourceVersion'> & { resourceVersion?: string };

/** The NetworkPolicy counterpart: selector, policy types, rules with their peers and ports as the API server stores them. */
export function networkPolicyObjectFromRecord(record: MirroredNetworkPolicy): Record<string, unknown> {
  const spec: Record<string, unknown> = { podSelector: selectorObject(record.podSelector), policyTypes: [...record.policyTypes] };
  if (record.ingress.length) spec['ingress'] = record.ingress.map((r) => ruleObject(r, 'from'));
  if (record.egress.length) spec['egress'] = record.egress.map((r) => ruleObject(r, 'to'));
  return sortKeys({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: objectMeta(record), spec });
}

function ruleObject(rule: NetworkPolicyRule, peersKey: 'from' | 'to'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rule.ports) out['ports'] = rule.ports.map(portObject);
  if (rule.peers) out[peersKey] = rule.peers.map(peerObject);
  return out;
}

function portObject(p: NetworkPolicyPort): Record<string, unknown> {
  return { protocol: p.protocol, ...(p.port !== null ? { port: p.port } : {}), ...(p.endPort !== null ? { endPort: p.endPort } : {}) };
}

function peerObject(p: NetworkPolicyPeer): Record<string, unknown> {
  return {
    ...(p.podSelector ? { podSelector: selectorObject(p.podSelector) } : {}),
    ...(p.namespaceSelector ? { namespaceSelector: selectorObject(p.namespaceSelector) } : {}),
    ...(p.ipBlock ? { ipBlock: { cidr: p.ipBlock.cidr, ...(p.ipBlock.except.length ? { except: [...p.ipBlock.except] } : {}) } } : {}),
  };
}

/** `{}` selects everything, as kubectl prints an empty selector. */
function selectorObject(s: LabelSelector): Record<string, unknown> {
  return {
    ...(Object.keys(s.matchLabels).length ? { matchLabels: { ...s.matchLabels } } : {}),
    ...(s.matchExpressions.length ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values.length ? { values: [...e.values] } : {}) })) } : {}),
  };
}

function objectMeta(r: ServiceRecord | IngressRecord | MirroredNetworkPolicy) {
  return {
    name: r.name,
    namespace: r.namespace,
    uid: r.uid,
    ...(r.resourceVersion ? { resourceVersion: r.resourceVersion } : {}),
    // The API server writes seconds (RFC 3339), the catalog keeps an ISO string.
    creationTimestamp: r.k8sCreatedAt.replace(/\.\d+Z$/, 'Z'),
    ...(Object.keys(r.labels).length ? { labels: { ...r.labels } } : {}),
    // All of them, kubectl's last-applied bookkeeping included: this shows what is there.
    ...(Object.keys(r.annotations).length ? { annotations: { ...r.annotations } } : {}),
  };
}

function loadBalancerStatus(entries: LoadBalancerIngress[]): { ingress?: KubeLoadBalancerIngress[] } {
  if (!entries.length) return {};
  return {
    ingress: entries.map((e) => ({
      ...(e.ip ? { ip: e.ip } : {}),
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.ports?.length ? { ports: e.ports.map((p) => ({ port: p.port, protocol: p.protocol, ...(p.error ? { error: p.error } : {}) })) } : {}),
    })),
  };
}

/** Map keys in code-point order at every depth (as kubectl prints objects); arrays keep their order. */
function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out as T;
  }
  return value;
}
