import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster } from '../src/index.js';
import { hasKubectl, type KubectlCluster, kubectlCluster } from './kubectl-harness.js';

// Kubernetes objects as JSON: the test reads them like kubectl -o json output.
type Obj = any;

// Client-side `kubectl apply` of a changed manifest, `kubectl patch` and `kubectl set`
// send strategic merge patches: lists merge by their keys, removed items are deleted.
describe.skipIf(!hasKubectl)('kubectl apply of changed manifests, patch and set (strategic merge patches)', () => {
  let k: KubectlCluster;
  const kubectl = (...args: string[]) => k.kubectl(...args);
  const applyYaml = (name: string, yaml: string) => kubectl('apply', '-f', k.file(name, yaml));
  const getJson = (...args: string[]) => k.getJson(...args);

  beforeAll(async () => {
    k = await kubectlCluster({ name: 'smp', nodes: 2 });
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('applies a kind: List (kubectl validates it against /openapi/v2) and creates every item', async () => {
    const list = ['apiVersion: v1', 'kind: List', 'items:', '- { apiVersion: v1, kind: Service, metadata: { name: listed-a }, spec: { ports: [{ port: 80 }] } }', '- { apiVersion: v1, kind: Service, metadata: { name: listed-b }, spec: { ports: [{ port: 81 }] } }'].join('\n');
    expect(await applyYaml('list.yaml', list)).toBe('service/listed-a created\nservice/listed-b created\n');
    expect(await applyYaml('list.yaml', list)).toBe('service/listed-a unchanged\nservice/listed-b unchanged\n');
  });

  it('re-applying a Service with a port removed, one changed and one added keeps the allocated node port of the kept one', async () => {
    await applyYaml('svc1.yaml', ['apiVersion: v1', 'kind: Service', 'metadata: { name: web, labels: { team: a, tier: fe } }', 'spec:', '  type: NodePort', '  selector: { app: web }', '  ports:', '  - { name: http, port: 80, targetPort: 8080 }', '  - { name: https, port: 443, targetPort: 8443 }'].join('\n'));
    const before = await getJson('service', 'web');
    const httpsNodePort = before.spec.ports[1].nodePort as number;
    expect(await applyYaml('svc2.yaml', ['apiVersion: v1', 'kind: Service', 'metadata: { name: web, labels: { team: a } }', 'spec:', '  type: NodePort', '  selector: { app: web }', '  ports:', '  - { name: https, port: 443, targetPort: 9443 }', '  - { name: metrics, port: 9090 }'].join('\n'))).toBe('service/web configured\n');
    const after = await getJson('service', 'web');
    expect(after.metadata.labels).toEqual({ team: 'a' });
    expect(after.spec.ports.map((p: { name: string; port: number; targetPort: number }) => [p.name, p.port, p.targetPort])).toEqual([
      ['https', 443, 9443],
      ['metrics', 9090, 9090],
    ]);
    expect(after.spec.ports[0].nodePort).toBe(httpsNodePort);
    expect(after.spec.ports[1].nodePort).toBeGreaterThanOrEqual(30000);
    expect(after.spec.clusterIP).toBe(before.spec.clusterIP);
  });

  it('kubectl patch (strategic by default) changes one port by its key, and names the missing key when there is none', async () => {
    expect(await kubectl('patch', 'service', 'web', '-p', '{"spec":{"ports":[{"port":9090,"targetPort":9999}]}}')).toBe('service/web patched\n');
    const ports = (await getJson('service', 'web')).spec.ports as { port: number; targetPort: number }[];
    expect(ports.map((p) => [p.port, p.targetPort])).toEqual([
      [443, 9443],
      [9090, 9999],
    ]);
    const err = await k.failing('patch', 'service', 'web', '-p', '{"spec":{"ports":[{"targetPort":1}]}}');
    expect(err).toContain('does not contain declared merge key: port');
  });

  it('re-applying a Deployment merges containers by name and env by name; kubectl set image changes one container', async () => {
    const manifest = (image: string, env: string, sidecar: boolean) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: api }',
        'spec:',
        '  replicas: 2',
        '  selector: { matchLabels: { app: api } }',
        '  template:',
        '    metadata: { labels: { app: api } }',
        '    spec:',
        '      containers:',
        `      - { name: app, image: "${image}", ports: [{ containerPort: 8080, name: http }], env: [${env}] }`,
        ...(sidecar ? ['      - { name: sidecar, image: "side:1" }'] : []),
      ].join('\n');
    await applyYaml('dep1.yaml', manifest('app:1', '{ name: A, value: "1" }, { name: B, value: "2" }', true));
    await applyYaml('dep2.yaml', manifest('app:2', '{ name: A, value: "1" }, { name: C, value: "3" }', false));
    const containers = (await getJson('deployment', 'api')).spec.template.spec.containers;
    expect(containers).toEqual([{ name: 'app', image: 'app:2', ports: [{ containerPort: 8080, name: 'http' }], env: [{ name: 'A', value: '1' }, { name: 'C', value: '3' }] }]);
    expect(await kubectl('set', 'image', 'deployment/api', 'app=app:3')).toBe('deployment.apps/api image updated\n');
    expect((await getJson('deployment', 'api')).spec.template.spec.containers[0].image).toBe('app:3');
  });

  it('rolls a changed template out: new pods under a new pod-template-hash, old ones retired once the new are ready, endpoints never empty', async () => {
    const slow = await startCluster({ name: 'rollout', nodes: 2, podReadyDelayMs: 300 });
    try {
      await slow.apply([
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1', ports: [{ containerPort: 80 }] }] } } } },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
      ]);
      const pods = () => (slow.list('v1', 'Pod', 'default') as Obj[]).filter((p) => p.metadata.labels?.app === 'web');
      const readyEndpoints = () => (slow.list('discovery.k8s.io/v1', 'EndpointSlice', 'default') as Obj[]).filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === 'web').flatMap((e) => (e.endpoints ?? []) as { conditions?: { ready?: boolean } }[]).filter((e) => e.conditions?.ready).length;
      const until = async (what: string, ok: () => boolean) => {
        for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
        expect(ok(), what).toBe(true);
      };
      await until('first pods ready', () => readyEndpoints() === 2);
      const firstHash = pods()[0]!.metadata.labels!['pod-template-hash'];
      const dep = slow.get('apps/v1', 'Deployment', 'default', 'web') as Obj;
      await slow.apply([{ ...dep, spec: { ...dep.spec, template: { ...dep.spec.template, spec: { containers: [{ name: 'web', image: 'web:2', ports: [{ containerPort: 80 }] }] } } } }]);
      // Surge first: the old pods stay while the new ones are not ready yet.
      expect(pods()).toHaveLength(4);
      expect(readyEndpoints()).toBe(2);
      await until('rollout done', () => pods().length === 2 && pods().every((p) => p.spec.containers[0].image === 'web:2') && readyEndpoints() === 2);
      const newHash = pods()[0]!.metadata.labels!['pod-template-hash'];
      expect(newHash).not.toBe(firstHash);
      expect(newHash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
      expect((slow.get('apps/v1', 'Deployment', 'default', 'web') as Obj).status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2 });
    } finally {
      await slow.stop();
    }
  });
});
