import { describe, expect, it } from 'vitest';
import { type OwnerNode, topWorkload } from './top-owner.js';

const node = (kind: string, name: string, owner?: OwnerNode): OwnerNode => ({ kind, name, uid: `uid-${kind}-${name}`, ownerKind: owner?.kind ?? null, ownerName: owner?.name ?? null, ownerUid: owner?.uid ?? null });
const pod = (name: string, owner?: { kind: string; name: string; uid: string }) => ({ name, ownerKind: owner?.kind ?? null, ownerName: owner?.name ?? null, ownerUid: owner?.uid ?? null });

const dep = node('Deployment', 'web');
const rs = node('ReplicaSet', 'web-abc', dep);
const bareRs = node('ReplicaSet', 'bare');
const cron = node('CronJob', 'nightly');
const cronJob = node('Job', 'nightly-1', cron);
const job = node('Job', 'migrate');
const sts = node('StatefulSet', 'db');
const ds = node('DaemonSet', 'agent');
const rc = node('ReplicationController', 'legacy');
const operator = { kind: 'Rollout', name: 'canary', uid: 'uid-rollout' };
const operated = { ...node('Deployment', 'operated'), ownerKind: operator.kind, ownerName: operator.name, ownerUid: operator.uid };
const operatedRs = node('ReplicaSet', 'operated-x', operated);
const all = new Map([dep, rs, bareRs, cron, cronJob, job, sts, ds, rc, operated, operatedRs].map((w) => [w.uid, w]));

describe('topWorkload: a pod\'s owner chain up to the top workload', () => {
  it.each([
    ['Deployment via its ReplicaSet', pod('web-abc-x1', rs), 'Deployment/web'],
    ['a ReplicaSet no Deployment owns', pod('bare-x1', bareRs), 'ReplicaSet/bare'],
    ['StatefulSet', pod('db-0', sts), 'StatefulSet/db'],
    ['DaemonSet', pod('agent-x1', ds), 'DaemonSet/agent'],
    ['CronJob via its Job', pod('nightly-1-x1', cronJob), 'CronJob/nightly'],
    ['a Job of its own', pod('migrate-x1', job), 'Job/migrate'],
    ['ReplicationController', pod('legacy-x1', rc), 'ReplicationController/legacy'],
    ['a bare pod', pod('hello-pod'), 'Pod/hello-pod'],
    ['an owner not mirrored (yet): the reference as it names it', pod('x', { kind: 'ReplicaSet', name: 'gone', uid: 'uid-gone' }), 'ReplicaSet/gone'],
    ['a workload owned by a custom controller stays the top', pod('operated-x-1', operatedRs), 'Deployment/operated'],
  ])('%s', (_l, p, want) => {
    const top = topWorkload(p, all);
    expect(`${top.kind}/${top.name}`).toBe(want);
    expect(top.uid === null).toBe(want.startsWith('Pod/'));
  });

  it('stops on an ownership cycle instead of looping', () => {
    const a = { kind: 'ReplicaSet', name: 'a', uid: 'a', ownerKind: 'ReplicaSet', ownerName: 'b', ownerUid: 'b' };
    const b = { kind: 'ReplicaSet', name: 'b', uid: 'b', ownerKind: 'ReplicaSet', ownerName: 'a', ownerUid: 'a' };
    expect(topWorkload(pod('p', a), new Map([a, b].map((w) => [w.uid, w])))).toEqual({ kind: 'ReplicaSet', name: 'b', uid: 'b' });
  });
});
