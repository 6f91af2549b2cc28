import type { NetworkPolicyRecord } from '@switchboard/k8s-model';

/** A mirrored NetworkPolicy as the repository answers it: the record and its cluster's name. */
export interface CatalogNetworkPolicy extends Omit<NetworkPolicyRecord, 'resourceVersion'> {
  cluster: string;
}
