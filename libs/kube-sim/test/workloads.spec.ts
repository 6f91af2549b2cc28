import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasKubectl, type KubectlCluster, kubectlCluster } from './kubectl-harness.js';

/** Rows of kubectl's table output, split on runs of 2+ spaces. */
const rows = (out: string) => out.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));
const ctr = [{ name: 'app', image: 'app:1', ports: [{ containerPort: 8080, name: 'http' }] }];
const tpl = (labels: Record<string, string>, extra: object = {}) => ({ metadata: { labels }, spec: { containers: ctr, ...extra } });

const WORKLOADS = [
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: tpl({ app: 'web' }) } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'bare-rs', namespace: 'shop' }, spec: { replicas: 2, selector: { matchLabels: { app: 'bare' } }, template: tpl({ app: 'bare' }) } },
  { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy', namespace: 'shop' }, spec: { replicas: 1, template: tpl({ app: 'legacy' }) } },
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'shop' }, spec: { template: tpl({ app: 'migrate' }, { restartPolicy: 'Never' }) } },
  { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'shop' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: tpl({ app: 'nightly' }, { restartPolicy: 'OnFailure' }) } } } },
];

const STATEFUL_AND_DAEMON = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  serviceName: db
  replicas: 3
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: "postgres:17", ports: [{ containerPort: 5432, name: pg }] }] }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: kube-system }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: agent, image: "agent:2" }] }
`;

type Pod = { metadata: { name: string; namespace: string; uid: string; labels: Record<string, string>; ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[] }; spec: Record<string, any>; status: Record<string, any> };
type Obj = { kind: string; metadata: { name: string; namespace: string; uid: string; labels?: Record<string, string>; ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[] } };

describe.skipIf(!hasKubectl)('kube-sim serves workloads as a real API server and controller manager would (judged by kubectl 1.32)', () => {
  let k: KubectlCluster;
  let pods: Pod[];
  let objects: Map<string, Obj>;

  beforeAll(async () => {
    k = await kubectlCluster({ name: 'workloads', nodes: 3 });
    await k.sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    for (const w of WORKLOADS) await k.sim.apply(w);
    await k.kubectl('apply', '-f', k.file('stateful-and-daemon.yaml', STATEFUL_AND_DAEMON));
    pods = (await k.getJson('pods', '-A')).items;
    const all = (await k.getJson('deploy,rs,sts,ds,jobs,cronjobs,rc', '-A')).items as Obj[];
    objects = new Map(all.map((o) => [o.metadata.uid, o]));
  });
  afterAll(async () => {
    await k?.stop();
  });

  /** A pod's owner chain, by uid through the listed objects, as `Kind/name` from the pod up. */
  const chain = (pod: Pod) => {
    const out: string[] = [];
    let refs = pod.metadata.ownerReferences;
    while (refs?.length) {
      const ref = refs.find((r) => r.controller)!;
      const owner = objects.get(ref.uid);
      expect(owner, `${ref.kind}/${ref.name} is a listed object`).toBeDefined();
      out.push(`${owner!.kind}/${owner!.metadata.name}`);
      refs = owner!.metadata.ownerReferences;
    }
    return out;
  };

  it('discovery lists every workload kind with its short names, and kubectl get prints their columns', async () => {
    const resources = rows(await k.kubectl('api-resources', '--api-group=apps')).map((r) => r[0]);
    expect(resources).toEqual(expect.arrayContaining(['daemonsets', 'deployments', 'replicasets', 'statefulsets']));
    const batch = rows(await k.kubectl('api-resources', '--api-group=batch'));
    expect(batch.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ['cronjobs', 'CronJob'],
      ['jobs', 'Job'],
    ]);
    const t = rows(await k.kubectl('get', 'rs,sts,ds,jobs,cronjobs,rc', '-A'));
    const headers = t.filter((r) => r[0] === 'NAMESPACE').map((r) => r.join(' '));
    expect(headers).toEqual([
      'NAMESPACE NAME DESIRED CURRENT READY AGE',
      'NAMESPACE NAME READY AGE',
      'NAMESPACE NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE',
      'NAMESPACE NAME STATUS COMPLETIONS DURATION AGE',
      'NAMESPACE NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE',
      'NAMESPACE NAME DESIRED CURRENT READY AGE',
    ]);
    // Several kinds at once: names print as `<resource>.<group>/<name>`.
    const byName = new Map(t.filter((r) => r.length > 1 && r[0] !== 'NAMESPACE').map((r) => [r[1]!.split('/')[1]!, r]));
    expect(byName.get('bare-rs')!.slice(2, 5)).toEqual(['2', '2', '2']);
    expect([...byName.keys()].filter((n) => n.startsWith('web-'))).toHaveLength(1);
    expect(byName.get('db')!.slice(2, 3)).toEqual(['3/3']);
    expect(byName.get('agent')!.slice(2, 8)).toEqual(['3', '3', '3', '3', '3', '<none>']);
    expect(byName.get('migrate')!.slice(2, 4)).toEqual(['Running', '0/1']);
    expect(byName.get('nightly')!.slice(2, 6)).toEqual(['0 3 * * *', '<none>', 'False', '1']);
    expect(byName.get('legacy')!.slice(2, 5)).toEqual(['1', '1', '1']);
  });

  it('kubectl get all lists pods, services and every workload kind (discovery categories)', async () => {
    const names = (await k.kubectl('get', 'all', '-n', 'shop', '-o', 'name')).trim().split('\n');
    const kinds = new Set(names.map((n) => n.split('/')[0]));
    expect(kinds).toEqual(new Set(['pod', 'replicationcontroller', 'deployment.apps', 'replicaset.apps', 'statefulset.apps', 'job.batch', 'cronjob.batch']));
    expect(names).toContain('statefulset.apps/db');
  });

  it('every pod is owned by its controller, up to the top workload (kubectl get pods -o json)', () => {
    const tops = new Map<string, string[]>();
    for (const p of pods.filter((p) => p.metadata.ownerReferences?.length)) {
      const c = chain(p).join(' → ');
      tops.set(c, [...(tops.get(c) ?? []), p.metadata.name]);
    }
    const web = [...tops.keys()].find((c) => c.endsWith('→ Deployment/web'))!;
    expect(web).toMatch(/^ReplicaSet\/web-[a-z0-9]+ → Deployment\/web$/);
    const migrate = [...tops.keys()].find((c) => c.startsWith('Job/nightly-'))!;
    expect(Object.fromEntries([...tops].map(([c, names]) => [c.replace(/web-[a-z0-9]+/, 'web-HASH').replace(/nightly-\d+/, 'nightly-N'), names.length]))).toEqual({
      'ReplicaSet/web-HASH → Deployment/web': 2,
      'ReplicaSet/bare-rs': 2,
      'ReplicationController/legacy': 1,
      'Job/migrate': 1,
      'Job/nightly-N → CronJob/nightly': 1,
      'StatefulSet/db': 3,
      'DaemonSet/agent': 3,
    });
    expect(migrate).toMatch(/→ CronJob\/nightly$/);
  });

  it('ReplicaSets carry the pod-template-hash; their pods too', () => {
    const rs = [...objects.values()].find((o) => o.kind === 'ReplicaSet' && o.metadata.name.startsWith('web-'))!;
    const hash = rs.metadata.labels!['pod-template-hash']!;
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true })]);
    const webPods = pods.filter((p) => p.metadata.labels.app === 'web');
    expect(webPods.map((p) => p.metadata.labels['pod-template-hash'])).toEqual([hash, hash]);
    expect(webPods.every((p) => p.metadata.name.startsWith(`web-${hash}-`))).toBe(true);
  });

  it('StatefulSet pods have ordinal names, hostname and subdomain; DaemonSet pods one per node; Job pods the job labels', () => {
    const db = pods.filter((p) => p.metadata.labels.app === 'db');
    expect(db.map((p) => [p.metadata.name, p.spec.hostname, p.spec.subdomain, p.metadata.labels['statefulset.kubernetes.io/pod-name']]).sort()).toEqual([
      ['db-0', 'db-0', 'db', 'db-0'],
      ['db-1', 'db-1', 'db', 'db-1'],
      ['db-2', 'db-2', 'db', 'db-2'],
    ]);
    const agents = pods.filter((p) => p.metadata.labels.app === 'agent');
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual(['workloads-node-1', 'workloads-node-2', 'workloads-node-3']);
    expect(agents.every((p) => p.status.podIP && p.metadata.namespace === 'kube-system')).toBe(true);
    const job = [...objects.values()].find((o) => o.kind === 'Job' && o.metadata.name === 'migrate')!;
    const [jobPod] = pods.filter((p) => p.metadata.labels.app === 'migrate');
    expect(jobPod!.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'migrate', 'job-name': 'migrate', 'controller-uid': job.metadata.uid, 'batch.kubernetes.io/controller-uid': job.metadata.uid });
  });

  it('kubectl describe shows a StatefulSet and a DaemonSet with their pods', async () => {
    const sts = await k.kubectl('describe', 'statefulset', 'db', '-n', 'shop');
    expect(sts).toMatch(/^Name:\s+db$/m);
    expect(sts).toMatch(/^Replicas:\s+3 desired \| 3 total$/m);
    expect(sts).toMatch(/^Pods Status:\s+3 Running/m);
    const ds = await k.kubectl('describe', 'daemonset', 'agent', '-n', 'kube-system');
    expect(ds).toMatch(/^Desired Number of Nodes Scheduled: 3$/m);
    expect(ds).toMatch(/^Pods Status:\s+3 Running/m);
    const rs = await k.kubectl('describe', 'rs', 'bare-rs', '-n', 'shop');
    expect(rs).toMatch(/^Replicas:\s+2 current \/ 2 desired$/m);
  });

  it('kubectl scale, a pod deleted and replaced, a changed template re-creating ordinal pods; deleting the top owner takes the chain', async () => {
    await k.kubectl('scale', 'statefulset', 'db', '-n', 'shop', '--replicas=1');
    expect((await k.getJson('pods', '-n', 'shop', '-l', 'app=db')).items.map((p: Pod) => p.metadata.name)).toEqual(['db-0']);
    const [victim] = (await k.getJson('pods', '-n', 'shop', '-l', 'app=bare')).items as Pod[];
    await k.kubectl('delete', 'pod', victim!.metadata.name, '-n', 'shop');
    const bare = (await k.getJson('pods', '-n', 'shop', '-l', 'app=bare')).items as Pod[];
    expect(bare).toHaveLength(2);
    expect(bare.map((p) => p.metadata.name)).not.toContain(victim!.metadata.name);
    await k.kubectl('apply', '-f', k.file('db-v2.yaml', STATEFUL_AND_DAEMON.split('---')[0]!.replace('postgres:17', 'postgres:18').replace('replicas: 3', 'replicas: 2')));
    const db = (await k.getJson('pods', '-n', 'shop', '-l', 'app=db')).items as Pod[];
    expect(db.map((p) => [p.metadata.name, p.spec.containers[0].image])).toEqual([
      ['db-0', 'postgres:18'],
      ['db-1', 'postgres:18'],
    ]);
    const nightlyJob = (await k.getJson('jobs', '-n', 'shop')).items.find((j: Obj) => j.metadata.name.startsWith('nightly-')) as Obj;
    await k.kubectl('delete', 'job', nightlyJob.metadata.name, '-n', 'shop');
    expect((await k.getJson('cronjob', 'nightly', '-n', 'shop')).status.active ?? []).toEqual([]);
    await k.kubectl('delete', 'deployment', 'web', '-n', 'shop');
    await k.kubectl('delete', 'cronjob', 'nightly', '-n', 'shop');
    expect((await k.getJson('rs', '-n', 'shop')).items.map((o: Obj) => o.metadata.name)).toEqual(['bare-rs']);
    expect((await k.getJson('jobs', '-n', 'shop')).items.map((o: Obj) => o.metadata.name)).toEqual(['migrate']);
    expect((await k.getJson('pods', '-n', 'shop', '-l', 'app in (web,nightly)')).items).toEqual([]);
  });

  it('server-side apply and strategic merge patches of a DaemonSet: containers merge by name, the owner of each field kept', async () => {
    const ds = STATEFUL_AND_DAEMON.split('---')[1]!.replace('name: agent, namespace: kube-system', 'name: probe, namespace: shop').replaceAll('app: agent', 'app: probe');
    await k.kubectl('apply', '--server-side', '--field-manager=ops', '-f', k.file('probe.yaml', ds));
    await k.kubectl('patch', 'ds', 'probe', '-n', 'shop', '-p', JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'sidecar:1' }] } } } }));
    const got = await k.getJson('ds', 'probe', '-n', 'shop', '--show-managed-fields');
    expect(got.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`)).toEqual(['agent=agent:2', 'sidecar=sidecar:1']);
    expect(got.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}:${m.operation}`)).toEqual(expect.arrayContaining(['ops:Apply', 'kubectl-patch:Update']));
    const pods = (await k.getJson('pods', '-n', 'shop', '-l', 'app=probe')).items as Pod[];
    expect(pods.map((p) => p.spec.containers.length)).toEqual([2, 2, 2]);
  });

  it('refuses a selector that does not select the template, and a Job without a restart policy, naming the field', async () => {
    const badSts = STATEFUL_AND_DAEMON.split('---')[0]!.replace('selector: { matchLabels: { app: db } }', 'selector: { matchLabels: { app: other } }').replace('name: db, namespace', 'name: db2, namespace');
    expect(await k.failing('apply', '-f', k.file('bad-sts.yaml', badSts))).toContain('spec.template.metadata.labels: Invalid value');
    await expect(k.sim.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'nope', namespace: 'shop' }, spec: { template: tpl({ app: 'nope' }) } })).rejects.toMatchObject({
      status: { code: 422, details: { kind: 'Job', causes: [{ field: 'spec.template.spec.restartPolicy' }] } },
    });
  });
});
