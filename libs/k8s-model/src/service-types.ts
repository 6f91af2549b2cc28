import type { ServiceType } from './catalog-types.js';

/** How a service is shown: headless ClusterIP services are a kind of their own to readers. */
export const SERVICE_KIND_LABELS = ['ClusterIP', 'Headless', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type ServiceKindLabel = (typeof SERVICE_KIND_LABELS)[number];

export function serviceKindLabel(s: { type: ServiceType; headless: boolean }): ServiceKindLabel {
  return s.type === 'ClusterIP' && s.headless ? 'Headless' : s.type;
}

const SUMMARY: Record<ServiceKindLabel, string> = {
  ClusterIP: 'A stable virtual IP and DNS name inside the cluster that load-balances across the ready pods it selects; nothing outside the cluster can reach it.',
  Headless: 'No virtual IP: the DNS name resolves straight to the ready pods\u2019 IPs (and each pod with a hostname gets a name of its own), for clients that pick a pod themselves.',
  NodePort: 'Everything a ClusterIP service does, plus the same port opened on every node, so machines that can reach a node reach the service.',
  LoadBalancer: 'Everything a NodePort service does, plus an external load balancer address assigned by the cluster\u2019s load-balancer controller.',
  ExternalName: 'A DNS alias (CNAME) inside the cluster for a name elsewhere; no proxying and no endpoints \u2014 clients connect to the target directly.',
};

/** What a service of this kind does, in one sentence. */
export function serviceTypeSummary(s: { type: ServiceType; headless: boolean }): string {
  return SUMMARY[serviceKindLabel(s)];
}
