import type { NetworkPolicyPort, NetworkPolicyRule } from '@switchboard/k8s-model';
import { toKeyValues } from '../../shared/label.model.js';
import type { CatalogNetworkPolicy } from '../catalog-network-policy.js';
import { toLabelSelectorModel } from './label-selector.model.js';
import type { NetworkPolicyModel, NetworkPolicyPortModel, NetworkPolicyRuleModel } from './network-policy.model.js';

const toPort = (p: NetworkPolicyPort): NetworkPolicyPortModel => ({
  protocol: p.protocol,
  port: typeof p.port === 'number' ? p.port : null,
  portName: typeof p.port === 'string' ? p.port : null,
  endPort: p.endPort,
});

const toRule = (r: NetworkPolicyRule): NetworkPolicyRuleModel => ({
  ports: r.ports?.map(toPort) ?? null,
  peers: r.peers?.map((p) => ({ podSelector: toLabelSelectorModel(p.podSelector), namespaceSelector: toLabelSelectorModel(p.namespaceSelector), ipBlock: p.ipBlock && { cidr: p.ipBlock.cidr, except: [...p.ipBlock.except] } })) ?? null,
});

/** The record a model was made from, for resolve fields (a symbol key: REST answers never carry it). */
export const POLICY_SOURCE = Symbol('policy source');
export type SourcedNetworkPolicyModel = NetworkPolicyModel & { [POLICY_SOURCE]: CatalogNetworkPolicy };

export function toNetworkPolicyModel(p: CatalogNetworkPolicy): SourcedNetworkPolicyModel {
  return {
    [POLICY_SOURCE]: p,
    cluster: p.cluster,
    namespace: p.namespace,
    name: p.name,
    uid: p.uid,
    podSelector: toLabelSelectorModel(p.podSelector),
    policyTypes: [...p.policyTypes],
    ingress: p.ingress.map(toRule),
    egress: p.egress.map(toRule),
    labels: toKeyValues(p.labels),
    annotations: toKeyValues(p.annotations),
    createdAt: p.k8sCreatedAt,
  };
}
