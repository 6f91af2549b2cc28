import { describe, expect, it } from 'vitest';
import { kPod, kSlice } from '../test/builders.js';
import { endpointGaps, normalizeEndpointSlice, normalizePod } from './index.js';

const pod = (name: string, ip: string | undefined, status: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => {
  const raw = kPod(name, { app: 'web' }, ip);
  return normalizePod({ ...raw, spec: { ...raw.spec, ...spec }, status: { ...raw.status, ...status } }).record;
};

describe('endpointGaps', () => {
  const slice = normalizeEndpointSlice(kSlice('web', [{ ip: '10.244.0.5', pod: 'listed' }, { ip: '10.244.0.6', ready: false, pod: 'not-ready' }, { ip: '10.244.0.7' }], [{ port: 8080 }])).record;

  it.each<[string, ReturnType<typeof pod>, string | null]>([
    ['an endpoint named by targetRef', pod('listed', '10.244.0.5'), null],
    ['a not-ready endpoint is still an endpoint', pod('not-ready', '10.244.0.6', { conditions: [{ type: 'Ready', status: 'False' }] }), null],
    ['an endpoint without targetRef, matched by address', pod('no-ref', '10.244.0.7'), null],
    ['a pod not scheduled yet', pod('unscheduled', undefined, { phase: 'Pending' }, { nodeName: undefined }), 'not scheduled to a node yet, so it has no IP to send traffic to'],
    ['a pod without an IP yet', pod('starting', undefined, { phase: 'Pending' }), 'no pod IP yet (phase Pending): its containers or network are still being set up'],
    ['a finished pod', pod('done', '10.244.0.9', { phase: 'Succeeded' }), 'finished (phase Succeeded): finished pods are never endpoints'],
    ['a failed pod', pod('crashed', '10.244.0.10', { phase: 'Failed' }), 'finished (phase Failed): finished pods are never endpoints'],
    ['a running pod the slices do not list yet', pod('new', '10.244.0.11'), 'has an IP but is not listed yet: the endpoint controller (or the catalog mirror) has not caught up'],
  ])('%s', (_name, p, reason) => {
    const gaps = endpointGaps([p], [slice]);
    expect(gaps.map((g) => g.reason)).toEqual(reason === null ? [] : [reason]);
    if (reason !== null) expect(gaps[0]!.pod).toBe(p);
  });

  it('lists every selected pod when there are no slices at all, in the given order', () => {
    expect(endpointGaps([pod('b', '10.0.0.2'), pod('a', '10.0.0.1')], []).map((g) => g.pod.name)).toEqual(['b', 'a']);
  });
});
