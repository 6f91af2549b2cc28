import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/api-client.js';
import { OPENAPI_PATH } from '../support/contract-check.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

// What-if reachability: manifests in, the connections NetworkPolicies allow out — JSON with
// why, or netpol-analyzer's text format — without any cluster.
const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  replicas: 3
  template:
    metadata: { labels: { app: api } }
    spec: { containers: [{ name: api, image: api, ports: [{ name: http, containerPort: 3000 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec: { selector: { app: api }, ports: [{ port: 80, targetPort: http }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-web-to-api, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Ingress]
  ingress:
  - from: [{ podSelector: { matchLabels: { app: web } } }]
    ports: [{ port: http }]
`;

const EXPECTED_TXT = [
  '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
  'shop/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/api[Deployment] => shop/web[Deployment] : All Connections',
  'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/web[Deployment] => shop/api[Deployment] : TCP 3000',
  '',
].join('\n');

describe('POST /api/v1/connectivity/analyze', () => {
  let db: TestDatabase;
  let api: RunningApp;
  const analyze = (body: string, headers: Record<string, string>, query = '') => api.fetch(`${api.url}/api/v1/connectivity/analyze${query}`, { method: 'POST', headers, body });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
    // The suite's contract check compares every answer with the document it serves.
    expect((await api.fetch(`${api.url}${OPENAPI_PATH}`)).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('answers a YAML body with the connection list, each pair with why', async () => {
    const res = await analyze(MANIFESTS, { 'content-type': 'application/yaml' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.workloads).toEqual([
      { id: 'shop/api[Deployment]', namespace: 'shop', name: 'api', kind: 'Deployment', pods: 2 },
      { id: 'shop/web[Deployment]', namespace: 'shop', name: 'web', kind: 'Deployment', pods: 1 },
    ]);
    expect(body.ignoredKinds).toEqual([{ kind: 'Service', count: 1 }]);
    const webToApi = body.connections.find((c: any) => c.source.id === 'shop/web[Deployment]' && c.destination.id === 'shop/api[Deployment]');
    expect(webToApi).toMatchObject({
      all: false,
      ports: [{ protocol: 'TCP', from: 3000, to: 3000 }],
      text: 'TCP 3000',
      why: { ingress: { isolated: true, policies: ['shop/allow-web-to-api'], allowedBy: [{ policy: 'shop/allow-web-to-api', rule: 'ingress[0]' }] }, egress: { isolated: false } },
    });
    // The outside world cannot reach the api: that pair is denied and only counted.
    expect(body.connections.some((c: any) => c.destination.id === 'shop/api[Deployment]' && c.source.type === 'EXTERNAL')).toBe(false);
    expect(body.deniedPairs).toBe(1);
  });

  it('lists denied pairs with the reason when asked', async () => {
    const res = await analyze(MANIFESTS, { 'content-type': 'text/yaml' }, '?includeDenied=true');
    const body = (await res.json()) as any;
    const denied = body.connections.find((c: any) => c.source.type === 'EXTERNAL' && c.destination.id === 'shop/api[Deployment]');
    expect(denied).toMatchObject({ text: 'No Connections', ports: [], why: { summary: 'destination isolated by shop/allow-web-to-api, no rule matches the source' } });
  });

  it('accepts JSON { manifests } and answers the same', async () => {
    const yaml = (await (await analyze(MANIFESTS, { 'content-type': 'application/x-yaml' })).json()) as unknown;
    const res = await analyze(JSON.stringify({ manifests: MANIFESTS }), { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(yaml);
  });

  it('answers the netpol-analyzer txt format for ?format=txt and for Accept: text/plain', async () => {
    const byQuery = await analyze(MANIFESTS, { 'content-type': 'application/yaml' }, '?format=txt');
    expect(byQuery.status).toBe(200);
    expect(byQuery.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await byQuery.text()).toBe(EXPECTED_TXT);
    const byAccept = await analyze(JSON.stringify({ manifests: MANIFESTS }), { 'content-type': 'application/json', accept: 'text/plain' });
    expect(await byAccept.text()).toBe(EXPECTED_TXT);
  });

  it('refuses bad manifests with 422 MANIFEST_INVALID naming the document, the object and the field', async () => {
    const bad = MANIFESTS.replace('ports: [{ port: http }]', 'ports: [{ port: 70000 }]');
    const res = await analyze(bad, { 'content-type': 'application/yaml' });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe('MANIFEST_INVALID');
    expect(error.details).toEqual([
      {
        field: 'documents[5].spec.ingress[0].ports[0].port',
        rule: 'manifest',
        document: 5,
        object: 'NetworkPolicy shop/allow-web-to-api',
        message: 'document 5 (NetworkPolicy shop/allow-web-to-api) spec.ingress[0].ports[0].port: must be between 1 and 65535, inclusive (found 70000)',
      },
    ]);
    const yaml = await analyze('kind: Pod\nmetadata: { name: [a\n', { 'content-type': 'application/yaml' });
    expect(yaml.status).toBe(422);
    expect(((await yaml.json()) as any).error.details[0]).toMatchObject({ field: 'documents[1]', rule: 'yaml', document: 1, line: 3 });
  });

  it('refuses a body without manifests, naming the field', async () => {
    const res = await analyze(JSON.stringify({ yaml: MANIFESTS }), { 'content-type': 'application/json' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'manifests', rule: 'required' }] });
  });

  it('takes a 3 MB body (the app-wide limit is much smaller)', async () => {
    // A cluster dump is mostly objects that do not matter to reachability: here ConfigMaps.
    const filler = Array.from({ length: 300 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm-${i}, namespace: shop }\ndata:\n  blob: "${'x'.repeat(10_000)}"`).join('\n---\n');
    const body = `${MANIFESTS}\n---\n${filler}`;
    expect(body.length).toBeGreaterThan(3_000_000);
    const res = await analyze(body, { 'content-type': 'application/yaml' }, '?format=txt');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(EXPECTED_TXT);
    const json = await analyze(JSON.stringify({ manifests: body }), { 'content-type': 'application/json' });
    expect(((await json.json()) as any).ignoredKinds).toEqual([
      { kind: 'ConfigMap', count: 300 },
      { kind: 'Service', count: 1 },
    ]);
  });

  it('refuses manifests with more pairs than one analysis answers, naming the limit', async () => {
    const pods = Array.from({ length: 501 }, (_, n) => `kind: Pod\nmetadata: { name: p${n} }`).join('\n---\n');
    const res = await analyze(pods, { 'content-type': 'application/yaml' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as any).error.details).toEqual([
      { field: 'manifests', rule: 'limit', message: '501 workloads and 2 outside ranges (as sources and destinations) make 251502 pairs, more than the 250000 allowed: analyse one namespace (or a few) at a time' },
    ]);
  });

  it('refuses a body over 8 MB with 413', async () => {
    const res = await analyze(`# ${'x'.repeat(8 * 1024 * 1024)}`, { 'content-type': 'application/yaml' });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('BAD_REQUEST');
  });

  it('is documented with its body and answer media types', async () => {
    const doc = (await (await api.fetch(`${api.url}${OPENAPI_PATH}`)).json()) as any;
    const op = doc.paths['/api/v1/connectivity/analyze'].post;
    expect(Object.keys(op.requestBody.content).sort()).toEqual(['application/json', 'application/x-yaml', 'application/yaml', 'text/yaml']);
    expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', 'text/plain']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '413', '422']));
  });

  it('treats hostNetwork pods like pods by default (as netpol-analyzer), or as outside policy when asked', async () => {
    const agent = `---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: agent, namespace: shop }\nspec:\n  template:\n    metadata: { labels: { app: agent } }\n    spec: { hostNetwork: true, containers: [{ name: a }] }\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny-all, namespace: shop }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress] }\n`;
    const lines = async (query: string) => (await (await analyze(MANIFESTS + agent, { 'content-type': 'application/yaml' }, query)).text()).split('\n').filter((l) => l.includes('agent'));
    expect(await lines('?format=txt')).toEqual([]);
    expect(await lines('?format=txt&hostNetwork=OUTSIDE_POLICY')).toEqual([
      '0.0.0.0-255.255.255.255[External] => shop/agent[DaemonSet] : All Connections',
      'shop/agent[DaemonSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
    ]);
    const bad = await analyze(MANIFESTS, { 'content-type': 'application/yaml' }, '?hostNetwork=HOST');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).error.details).toEqual([{ field: 'hostNetwork', rule: 'enum', message: 'must be AS_POD or OUTSIDE_POLICY, got "HOST"' }]);
  });

  it('needs a signed-in identity', async () => {
    const res = await analyze(MANIFESTS, { 'content-type': 'application/yaml', authorization: '' });
    expect(res.status).toBe(401);
  });

  it('answers the same over GraphQL, as a query', async () => {
    const res = await gql(api, 'query($m: String!) { analyzeConnectivity(manifests: $m) { connections { source { id } destination { id } text why { summary } } deniedPairs } }', { m: MANIFESTS });
    expect(res.errors).toBeUndefined();
    expect(res.data.analyzeConnectivity.connections.find((c: any) => c.destination.id === 'shop/api[Deployment]')).toEqual({
      source: { id: 'shop/web[Deployment]' },
      destination: { id: 'shop/api[Deployment]' },
      text: 'TCP 3000',
      why: { summary: 'source egress not isolated; ingress allowed by shop/allow-web-to-api ingress[0]' },
    });
    const bad = await gql(api, 'query($m: String!) { analyzeConnectivity(manifests: $m) { deniedPairs } }', { m: 'kind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 10.0.0.0/40 } }] }] }' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'MANIFEST_INVALID', details: [{ field: 'documents[1].spec.ingress[0].from[0].ipBlock.cidr', object: 'NetworkPolicy default/p' }] });
  });
});
