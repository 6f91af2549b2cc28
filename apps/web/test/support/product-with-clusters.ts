import { type SimCluster, type SimClusterOptions, startCluster } from '@switchboard/kube-sim';
import { type RunningProduct, startProduct } from './running-product.js';

export interface TestCluster {
  sim: SimCluster;
  displayName: string;
  labels: Record<string, string>;
}

export interface ProductWithClusters extends RunningProduct {
  readonly clusters: Record<string, TestCluster>;
  /** GraphQL as the admin, straight to the API (the truth the pages are compared with). */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** REST as the admin, straight to the API. */
  rest<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  waitFor(what: string, check: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
}

export interface ClusterSpec {
  sim: SimClusterOptions;
  displayName?: string;
  labels?: Record<string, string>;
}

/**
 * The production API and dashboard (one of each per test file) with kube-sim clusters
 * registered through the API's REST route and mirrored (every kind READY) before the
 * browser opens anything.
 */
export async function startProductWithClusters(adminToken: string, specs: ClusterSpec[]): Promise<ProductWithClusters> {
  const sims = await Promise.all(specs.map((s) => startCluster({ bookmarkIntervalMs: 1_000, ...s.sim })));
  let product: RunningProduct;
  try {
    product = await startProduct(adminToken);
  } catch (err) {
    await Promise.all(sims.map((s) => s.stop()));
    throw err;
  }
  const auth = { authorization: `Bearer ${adminToken}` };
  const rest = async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(`${product.apiUrl}/api/v1${path}`, { method, headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${product.apiUrl}/graphql`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  };
  const clusters: Record<string, TestCluster> = {};
  try {
    for (const [i, spec] of specs.entries()) {
      const sim = sims[i]!;
      const displayName = spec.displayName ?? sim.name;
      const labels = spec.labels ?? {};
      const res = await rest('POST', '/clusters', { name: sim.name, kubeconfig: sim.kubeconfig(), displayName, labels });
      if (res.status !== 201) throw new Error(`registering ${sim.name} answered ${res.status}: ${JSON.stringify(res.body)}`);
      clusters[sim.name] = { sim, displayName, labels };
    }
    for (const name of Object.keys(clusters)) await waitFor(`cluster ${name} READY`, async () => (await rest<{ status: string }>('GET', `/clusters/${name}`)).body.status === 'READY', 60_000);
  } catch (err) {
    await product.stop();
    await Promise.all(sims.map((s) => s.stop()));
    throw err;
  }
  return {
    ...product,
    clusters,
    gql,
    rest,
    waitFor,
    async stop() {
      await product.stop();
      await Promise.all(sims.map((s) => s.stop()));
    },
  };
}
