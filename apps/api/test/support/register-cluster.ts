import { rest } from './api-client.js';
import type { RunningApp } from './test-app.js';
import { waitFor } from './wait-for.js';

/** Registers a cluster through the REST API and waits until every kind is synced (READY). */
export async function registerCluster(api: RunningApp, name: string, kubeconfig: string): Promise<void> {
  const res = await rest(api, 'POST', '/clusters', { kubeconfig, name });
  if (res.status !== 201) throw new Error(`registering ${name} answered ${res.status}: ${JSON.stringify(res.body)}`);
  await waitFor(async () => (await rest(api, 'GET', `/clusters/${name}`)).body.status === 'READY', `cluster ${name} ready`);
}
