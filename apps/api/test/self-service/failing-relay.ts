import type { SimCluster } from '@switchboard/kube-sim';
import { type KubeRelay, sendStatus, startKubeRelay } from '../support/kube-relay.js';

/**
 * A relay in front of kube-sim that lets the next `n` writes (POST/PUT/PATCH/DELETE)
 * through and answers the `count` after them with 503, to play a cluster that fails in
 * the middle of a multi-object change (and, with more than one, while it is rolled
 * back). Reads and all later writes pass.
 */
export async function startFailingRelay(sim: SimCluster): Promise<KubeRelay & { failOneWriteAfter(n: number): void; failWritesAfter(n: number, count: number): void }> {
  let allowed = Number.POSITIVE_INFINITY;
  let failing = 0;
  const relay = await startKubeRelay(sim, 'relay', (req, _url, res) => {
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    if (!write) return false;
    if (allowed > 0) {
      allowed--;
      return false;
    }
    if (failing === 0) return false;
    failing--;
    sendStatus(res, 503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    return true;
  });
  const failWritesAfter = (n: number, count: number) => {
    allowed = n;
    failing = count;
  };
  return { ...relay, failWritesAfter, failOneWriteAfter: (n) => failWritesAfter(n, 1) };
}
