import { describe, expect, it } from 'vitest';
import { validateNetworkPolicy } from '../src/network-policies.js';
import { startCluster } from '../src/index.js';

const np = (spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'default' }, spec });

describe('NetworkPolicy validation', () => {
  it('accepts the seed policy and reports every problem with its field', () => {
    expect(validateNetworkPolicy(np({ podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 3000 }] }] }) as never)).toEqual([]);
    const causes = validateNetworkPolicy(
      np({
        policyTypes: ['Inbound'],
        ingress: [{ from: [{}, { ipBlock: { cidr: '10.0.0.0/33' }, podSelector: {} }], ports: [{ protocol: 'HTTP', port: 70000 }, { port: 'http', endPort: 90 }] }],
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['nope'] } }], ports: [{ port: 100, endPort: 50 }] }],
      }) as never,
    );
    expect(causes.map((c) => [c.field, c.reason])).toEqual([
      ['spec.podSelector', 'FieldValueRequired'],
      ['spec.policyTypes[0]', 'FieldValueNotSupported'],
      ['spec.ingress[0].ports[0].protocol', 'FieldValueNotSupported'],
      ['spec.ingress[0].ports[0].port', 'FieldValueInvalid'],
      ['spec.ingress[0].ports[1].port', 'FieldValueRequired'],
      ['spec.ingress[0].from[0]', 'FieldValueRequired'],
      ['spec.ingress[0].from[1]', 'FieldValueForbidden'],
      ['spec.ingress[0].from[1].ipBlock.cidr', 'FieldValueInvalid'],
      ['spec.egress[0].ports[0].endPort', 'FieldValueInvalid'],
      ['spec.egress[0].to[0].ipBlock.except[0]', 'FieldValueInvalid'],
    ]);
  });

  it('refuses an invalid policy with a 422 Invalid Status', async () => {
    const sim = await startCluster({ name: 'np', nodes: 1 });
    try {
      await expect(sim.apply(np({ podSelector: {}, policyTypes: ['Sideways'] }))).rejects.toMatchObject({ status: { code: 422, reason: 'Invalid', details: { kind: 'NetworkPolicy', causes: [{ field: 'spec.policyTypes[0]' }] } } });
    } finally {
      await sim.stop();
    }
  });
});
