import type { SimCluster } from '@switchboard/kube-sim';
import { type KubeRelay, sendStatus, startKubeRelay } from '../support/kube-relay.js';

/**
 * kube-sim grants every read to both of its tokens, so RBAC denials are played by
 * a relay in front of it: it answers 403 Forbidden Status for the listed
 * (resource, verb) pairs and passes everything else through to the simulator.
 */
export function startForbiddingProxy(sim: SimCluster, deny: { path: string; verb: 'list' | 'watch'; resource: string; group: string }[]): Promise<KubeRelay> {
  return startKubeRelay(sim, 'limited', (_req, url, res) => {
    const verb = url.searchParams.get('watch') === 'true' ? 'watch' : 'list';
    const rule = deny.find((d) => d.path === url.pathname && d.verb === verb);
    if (!rule) return false;
    sendStatus(res, 403, 'Forbidden', `${rule.resource} is forbidden: User "limited" cannot ${verb} resource "${rule.resource}" in API group "${rule.group}" at the cluster scope`, { kind: rule.resource, group: rule.group });
    return true;
  });
}
