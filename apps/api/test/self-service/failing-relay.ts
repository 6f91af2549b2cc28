import type { SimCluster } from '@switchboard/kube-sim';
import { type KubeRelay, sendStatus, startKubeRelay } from '../support/kube-relay.js';

/**
 * A relay in front of kube-sim that lets the next `n` writes (POST/PUT/PATCH/DELETE)
 * through and answers the one after them with 503, to play a cluster that fails in the
 * middle of a multi-object change. Reads and all later writes pass.
 */
export async function startFailingRelay(sim: SimCluster): Promise<KubeRelay & { failOneWriteAfter(n: number): void }> {
  let allowed = Number.POSITIVE_INFINITY;
  const relay = await startKubeRelay(sim, 'relay', (req, _url, res) => {
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    if (!write || allowed-- !== 0) return false;
    sendStatus(res, 503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    return true;
  });
  return {
    ...relay,
    failOneWriteAfter: (n) => {
      allowed = n;
    },
  };
}
