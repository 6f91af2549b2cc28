import type { AccessScope, AccessUrl, AccessVia } from './types.js';

/** Where URLs of each scope work, widest first: the order a reader wants them in. */
export const ACCESS_SCOPE_INFO: readonly { scope: AccessScope; title: string; description: string }[] = [
  { scope: 'PUBLIC', title: 'From the internet', description: 'Public addresses: load balancers, ingress hosts and nodes\u2019 external IPs. Reachable from outside the cluster\u2019s networks (firewalls permitting).' },
  { scope: 'NODE_NETWORK', title: 'From the node network', description: 'Nodes\u2019 internal addresses: reachable from machines on the cluster\u2019s network (a VPN, a bastion, other nodes), not from the internet.' },
  { scope: 'IN_CLUSTER', title: 'Inside the cluster', description: 'Cluster DNS names and virtual IPs: reachable from pods of this cluster only; the short names depend on the caller\u2019s namespace.' },
];

const SCOPE_RANK: Record<AccessScope, number> = { PUBLIC: 0, NODE_NETWORK: 1, IN_CLUSTER: 2 };
const VIA_RANK: Record<AccessVia, number> = { INGRESS: 0, LOAD_BALANCER: 1, NODE_PORT: 2, EXTERNAL_NAME: 3, CLUSTER_DNS: 4, CLUSTER_IP: 5, POD: 6 };

/**
 * The one URL to show where there is room for one (a catalog row): the widest-reaching
 * address that works now — public before node network before in-cluster, ingress
 * before load balancer before node port before DNS — falling back to a pending or
 * pattern URL only when nothing else exists. Ties keep the rule's own order (port
 * order, then node name), so the choice is stable.
 */
export function primaryAccessUrl<T extends Pick<AccessUrl, 'scope' | 'via' | 'pending' | 'pattern'>>(urls: readonly T[]): T | null {
  let best: T | null = null;
  let bestKey = Infinity;
  urls.forEach((u) => {
    const key = (u.pending || u.pattern ? 100 : 0) + SCOPE_RANK[u.scope] * 10 + VIA_RANK[u.via];
    if (key < bestKey) {
      best = u;
      bestKey = key;
    }
  });
  return best;
}

/** URLs grouped by scope in ACCESS_SCOPE_INFO's order; scopes without URLs are left out. */
export function groupAccessUrls<T extends Pick<AccessUrl, 'scope'>>(urls: readonly T[]): { scope: AccessScope; title: string; description: string; urls: T[] }[] {
  return ACCESS_SCOPE_INFO.map((info) => ({ ...info, urls: urls.filter((u) => u.scope === info.scope) })).filter((g) => g.urls.length > 0);
}
