import { type IngressRecord, ingressObjectFromRecord, type MirroredNetworkPolicy, networkPolicyObjectFromRecord, type ServiceRecord, serviceObjectFromRecord } from '@switchboard/k8s-model';
import { stringify } from 'yaml';

// The mirrored objects as Kubernetes YAML (long values such as kubectl's
// last-applied-configuration stay on one line rather than being folded).
export const serviceManifestYaml = (s: ServiceRecord): string => stringify(serviceObjectFromRecord(s), { lineWidth: 0 });
export const ingressManifestYaml = (i: IngressRecord): string => stringify(ingressObjectFromRecord(i), { lineWidth: 0 });
export const networkPolicyManifestYaml = (p: MirroredNetworkPolicy): string => stringify(networkPolicyObjectFromRecord(p), { lineWidth: 0 });
