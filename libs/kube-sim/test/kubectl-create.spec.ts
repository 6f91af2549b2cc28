import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasKubectl, type KubectlCluster, kubectlCluster } from './kubectl-harness.js';

// kubectl sends the objects it builds itself (`kubectl create service|deployment|namespace|
// ingress`) as protobuf, and `kubectl expose` as JSON: both must come out as a real cluster
// would make them.
describe.skipIf(!hasKubectl)('kubectl create and expose (protobuf and JSON bodies)', () => {
  let k: KubectlCluster;
  const kubectl = (...args: string[]) => k.kubectl(...args);
  const failing = (...args: string[]) => k.failing(...args);
  const getJson = (...args: string[]) => k.getJson(...args);
  const IP_DEFAULTS = { ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None' };

  beforeAll(async () => {
    k = await kubectlCluster({ name: 'create', scenario: 'seed', nodes: 2 });
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('create service clusterip: defaults, a cluster IP, the selector kubectl derives, the kubectl-create manager', async () => {
    expect(await kubectl('create', 'service', 'clusterip', 'foo', '--tcp=80:8080')).toBe('service/foo created\n');
    const svc = await getJson('service', 'foo', '--show-managed-fields');
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'foo' }, ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], ...IP_DEFAULTS });
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\./);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(svc.spec.ports[0].nodePort).toBeUndefined();
    expect(svc.metadata).toMatchObject({ labels: { app: 'foo' }, managedFields: [expect.objectContaining({ manager: 'kubectl-create', operation: 'Update' })] });
    expect(svc.status).toEqual({ loadBalancer: {} });
    // Headless, and the AlreadyExists error kubectl prints.
    await kubectl('create', 'service', 'clusterip', 'headless', '--clusterip=None');
    expect((await getJson('service', 'headless')).spec.clusterIP).toBe('None');
    expect(await failing('create', 'service', 'clusterip', 'foo', '--tcp=80:8080')).toContain('services "foo" already exists');
  });

  it('create service nodeport: the requested node port, or one allocated above the reserved band; conflicts are Invalid', async () => {
    await kubectl('create', 'service', 'nodeport', 'np-fixed', '--tcp=8080:80', '--node-port=30123');
    const fixed = await getJson('service', 'np-fixed');
    expect(fixed.spec).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{ port: 8080, targetPort: 80, nodePort: 30123, protocol: 'TCP' }], ...IP_DEFAULTS });
    await kubectl('create', 'service', 'nodeport', 'np-any', '--tcp=9090');
    const any = await getJson('service', 'np-any');
    expect(any.spec.ports[0]).toMatchObject({ port: 9090, targetPort: 9090 });
    expect(any.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
    expect(any.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(await failing('create', 'service', 'nodeport', 'np-dup', '--tcp=80', '--node-port=30123')).toContain(
      'Service "np-dup" is invalid: spec.ports[0].nodePort: Invalid value: 30123: provided port is already allocated',
    );
  });

  it('create service loadbalancer: node ports for every port and an address from the load-balancer pool', async () => {
    await kubectl('create', 'service', 'loadbalancer', 'lb', '--tcp=443:8443', '--tcp=80:8080');
    const lb = await getJson('service', 'lb');
    expect(lb.spec).toMatchObject({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster', ...IP_DEFAULTS });
    expect(lb.spec.ports.map((p: { name: string; port: number; targetPort: number }) => [p.name, p.port, p.targetPort])).toEqual([
      ['443-8443', 443, 8443],
      ['80-8080', 80, 8080],
    ]);
    expect(lb.spec.ports.every((p: { nodePort: number }) => p.nodePort >= 30086 && p.nodePort <= 32767)).toBe(true);
    expect(lb.status.loadBalancer.ingress[0].ip).toMatch(/^198\.51\.100\./);
  });

  it('create service externalname: no IP fields, no endpoints', async () => {
    await kubectl('create', 'service', 'externalname', 'ext', '--external-name=db.example.com');
    const ext = await getJson('service', 'ext');
    expect(ext.spec).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
    for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy']) expect(ext.spec[field]).toBeUndefined();
    expect((await getJson('endpointslices', '-l', 'kubernetes.io/service-name=ext')).items).toEqual([]);
  });

  it('expose deployment: the deployment’s selector, allocations, and EndpointSlices from its pods', async () => {
    expect(await kubectl('expose', 'deployment', 'myapp-deployment', '--name=myapp-exposed', '--port=80', '--target-port=8080', '--type=NodePort')).toBe('service/myapp-exposed exposed\n');
    const svc = await getJson('service', 'myapp-exposed', '--show-managed-fields');
    expect(svc.spec).toMatchObject({ type: 'NodePort', selector: { app: 'MyApp' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }], ...IP_DEFAULTS });
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
    expect(svc.metadata.managedFields[0].manager).toBe('kubectl-expose');
    const slices = (await getJson('endpointslices', '-l', 'kubernetes.io/service-name=myapp-exposed')).items;
    expect(slices).toHaveLength(1);
    expect(slices[0].endpoints).toHaveLength(3);
    expect(slices[0].ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });

  it('create deployment, namespace and ingress (protobuf too): pods, the namespace label, the ingress address', async () => {
    await kubectl('create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80', '--', 'nginx', '-g', 'daemon off;');
    const dep = await getJson('deployment', 'web');
    expect(dep.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: 'web' } } });
    expect(dep.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.27', command: ['nginx', '-g', 'daemon off;'], ports: [{ containerPort: 80 }], resources: {} }]);
    expect((await getJson('pods', '-l', 'app=web')).items).toHaveLength(2);
    await kubectl('create', 'namespace', 'team-a');
    expect((await getJson('namespace', 'team-a')).metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    await kubectl('create', 'ingress', 'web', '--class=nginx', '--rule=web.example.com/api*=web:80,tls=web-tls');
    const ing = await getJson('ingress', 'web');
    expect(ing.spec).toEqual({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }],
      rules: [{ host: 'web.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
    });
    expect(ing.status.loadBalancer.ingress[0].ip).toMatch(/^198\.51\.100\./);
  });

  it('refuses protobuf it does not read with 415 UnsupportedMediaType, never dropping a field silently', async () => {
    const varint = (n: number) => {
      const out: number[] = [];
      for (; n > 0x7f; n >>>= 7) out.push((n & 0x7f) | 0x80);
      return Buffer.from([...out, n]);
    };
    const bytes = (field: number, payload: Buffer) => Buffer.concat([varint((field << 3) | 2), varint(payload.length), payload]);
    const text = (field: number, s: string) => bytes(field, Buffer.from(s));
    const post = (path: string, body: Buffer): Promise<{ status: number; body: any }> =>
      new Promise((resolve, reject) => {
        const req = https.request(new URL(k.sim.url + path), { method: 'POST', ca: k.sim.caData, headers: { authorization: `Bearer ${k.sim.token}`, 'content-type': 'application/vnd.kubernetes.protobuf' } }, (res) => {
          let out = '';
          res.on('data', (c) => (out += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(out) }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const envelope = (apiVersion: string, kind: string, raw: Buffer) => Buffer.concat([Buffer.from('k8s\u0000', 'latin1'), bytes(1, Buffer.concat([text(1, apiVersion), text(2, kind)])), bytes(2, raw)]);
    // A Service whose spec carries field 99: not simulated, so not silently lost.
    const odd = envelope('v1', 'Service', Buffer.concat([bytes(1, text(1, 'odd')), bytes(2, text(99, 'x'))]));
    const refused = await post('/api/v1/namespaces/default/services', odd);
    expect(refused).toMatchObject({ status: 415, body: { kind: 'Status', reason: 'UnsupportedMediaType', code: 415 } });
    expect(refused.body.message).toContain('field 99 of ServiceSpec');
    const secret = await post('/api/v1/namespaces/default/services', envelope('v1', 'Secret', bytes(1, text(1, 's'))));
    expect(secret.status).toBe(415);
    // The same envelope with a known field only is created.
    const ok = await post('/api/v1/namespaces/default/services', envelope('v1', 'Service', Buffer.concat([bytes(1, text(1, 'raw-pb')), bytes(2, Buffer.concat([text(4, 'ClusterIP'), text(3, 'None')]))])));
    expect(ok.status).toBe(201);
    expect(ok.body.spec).toMatchObject({ type: 'ClusterIP', clusterIP: 'None' });
  });
});
