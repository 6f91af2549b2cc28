/**
 * Catalog records: one per row of the matching model in prisma/schema.prisma, with the
 * same camelCase field names, minus id, clusterId, syncedAt and foreign keys. Child
 * rows (service ports, endpoints, ingress rules and TLS) are arrays on the parent.
 * Timestamps are ISO strings and JSON columns plain values, so records cross the
 * API/dashboard boundary unchanged.
 */

export const RESOURCE_KINDS = [
  'NAMESPACE',
  'NODE',
  'POD',
  'SERVICE',
  'ENDPOINT_SLICE',
  'INGRESS',
  'NETWORK_POLICY',
  'DEPLOYMENT',
  'REPLICA_SET',
  'STATEFUL_SET',
  'DAEMON_SET',
  'JOB',
  'CRON_JOB',
  'REPLICATION_CONTROLLER',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export type StringMap = Record<string, string>;

/** status.loadBalancer.ingress entries, as stored in `loadBalancerIngress`. */
export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ports?: { port: number; protocol: string; error?: string }[];
}

export interface NamespaceRecord {
  name: string;
  uid: string;
  phase: string | null;
  labels: StringMap;
  annotations: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
}

export interface NodeAddress {
  type: string;
  address: string;
}

export interface NodeRecord {
  name: string;
  uid: string;
  addresses: NodeAddress[];
  internalIp: string | null;
  externalIp: string | null;
  hostname: string | null;
  zone: string | null;
  region: string | null;
  ready: boolean;
  unschedulable: boolean;
  podCidr: string | null;
  labels: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
}

export interface ContainerPort {
  container: string;
  name: string | null;
  containerPort: number;
  protocol: string;
}

export interface PodRecord {
  namespace: string;
  name: string;
  uid: string;
  podIp: string | null;
  podIps: string[];
  hostIp: string | null;
  nodeName: string | null;
  phase: string | null;
  ready: boolean;
  terminating: boolean;
  hostname: string | null;
  subdomain: string | null;
  /** spec.hostNetwork: the pod uses its node's network (outside NetworkPolicy). */
  hostNetwork: boolean;
  /** The controller ownerReference (a ReplicaSet, StatefulSet…); see topWorkload for the top of the chain. */
  ownerKind: string | null;
  ownerName: string | null;
  ownerUid: string | null;
  containerPorts: ContainerPort[];
  labels: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
}

export interface ServicePortRecord {
  /** Order in spec.ports; the first port is what short URLs use. */
  position: number;
  name: string;
  protocol: string;
  port: number;
  /** A number ("8080") or a container port name ("http"). */
  targetPort: string;
  nodePort: number | null;
  appProtocol: string | null;
}

export interface ServiceRecord {
  namespace: string;
  name: string;
  uid: string;
  type: ServiceType;
  headless: boolean;
  clusterIp: string | null;
  clusterIps: string[];
  externalIps: string[];
  externalName: string | null;
  /** null when the service has no (or an empty) selector. */
  selector: StringMap | null;
  sessionAffinity: string | null;
  externalTrafficPolicy: string | null;
  internalTrafficPolicy: string | null;
  publishNotReadyAddresses: boolean;
  loadBalancerClass: string | null;
  loadBalancerIngress: LoadBalancerIngress[];
  labels: StringMap;
  annotations: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
  ports: ServicePortRecord[];
}

export interface EndpointSlicePort {
  name: string;
  port: number | null;
  protocol: string;
  appProtocol: string | null;
}

export interface EndpointRecord {
  position: number;
  address: string;
  addresses: string[];
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  hostname: string | null;
  nodeName: string | null;
  zone: string | null;
  targetKind: string | null;
  targetName: string | null;
  targetUid: string | null;
}

export interface EndpointSliceRecord {
  namespace: string;
  name: string;
  uid: string;
  serviceName: string | null;
  addressType: string;
  ports: EndpointSlicePort[];
  resourceVersion: string;
  k8sCreatedAt: string;
  endpoints: EndpointRecord[];
}

/** spec.defaultBackend / a path backend as stored in JSON. */
export type IngressBackend =
  | { service: { name: string; port: { number?: number; name?: string } } }
  | { resource: IngressResourceBackend };

export interface IngressResourceBackend {
  apiGroup: string | null;
  kind: string;
  name: string;
}

export interface IngressRuleRecord {
  position: number;
  namespace: string;
  host: string | null;
  path: string | null;
  pathType: string | null;
  backendService: string | null;
  backendPortNumber: number | null;
  backendPortName: string | null;
  backendResource: IngressResourceBackend | null;
}

export interface IngressTlsRecord {
  position: number;
  hosts: string[];
  secretName: string | null;
}

export interface IngressRecord {
  namespace: string;
  name: string;
  uid: string;
  ingressClassName: string | null;
  defaultBackend: IngressBackend | null;
  loadBalancerIngress: LoadBalancerIngress[];
  labels: StringMap;
  annotations: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
  rules: IngressRuleRecord[];
  tls: IngressTlsRecord[];
}

export interface RecordByKind {
  NAMESPACE: NamespaceRecord;
  NODE: NodeRecord;
  POD: PodRecord;
  SERVICE: ServiceRecord;
  ENDPOINT_SLICE: EndpointSliceRecord;
  INGRESS: IngressRecord;
  NETWORK_POLICY: NetworkPolicyRecord;
  DEPLOYMENT: WorkloadRecord;
  REPLICA_SET: WorkloadRecord;
  STATEFUL_SET: WorkloadRecord;
  DAEMON_SET: WorkloadRecord;
  JOB: WorkloadRecord;
  CRON_JOB: WorkloadRecord;
  REPLICATION_CONTROLLER: WorkloadRecord;
}

export type CatalogRecord = RecordByKind[ResourceKind];

/** A label selector with both parts always present (an empty selector selects everything). */
export interface LabelSelector {
  matchLabels: StringMap;
  matchExpressions: LabelSelectorRequirement[];
}

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

export interface LabelSelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

export const POLICY_TYPES = ['Ingress', 'Egress'] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

export const NETWORK_PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type NetworkProtocol = (typeof NETWORK_PROTOCOLS)[number];

export interface NetworkPolicyPort {
  protocol: NetworkProtocol;
  /** A number, a container port name, or null for every port. */
  port: number | string | null;
  endPort: number | null;
}

/** One peer: podSelector and namespaceSelector together select pods of the selected namespaces. */
export interface NetworkPolicyPeer {
  podSelector: LabelSelector | null;
  namespaceSelector: LabelSelector | null;
  ipBlock: { cidr: string; except: string[] } | null;
}

export interface NetworkPolicyRule {
  /** null when the rule has no `ports` (every port). */
  ports: NetworkPolicyPort[] | null;
  /** `from` of an ingress rule, `to` of an egress rule; null when missing (every peer). */
  peers: NetworkPolicyPeer[] | null;
}

export interface NetworkPolicyRecord {
  namespace: string;
  name: string;
  uid: string;
  podSelector: LabelSelector;
  /** As the API server defaults them: Ingress, plus Egress when the policy has egress rules. */
  policyTypes: PolicyType[];
  ingress: NetworkPolicyRule[];
  egress: NetworkPolicyRule[];
  labels: StringMap;
  annotations: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
}

export const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** A pod-owning object (or the owner of one: a Deployment, a CronJob). All kinds share the Workload table. */
export interface WorkloadRecord {
  kind: WorkloadKind;
  namespace: string;
  name: string;
  uid: string;
  /** The controller ownerReference: a ReplicaSet's Deployment, a Job's CronJob. */
  ownerKind: string | null;
  ownerName: string | null;
  ownerUid: string | null;
  /** The pod selector (a ReplicationController's map as matchLabels; a CronJob's jobTemplate selector, usually null). */
  selector: LabelSelector | null;
  /** Labels of the pods it creates (a CronJob's: of its jobTemplate's pods). */
  templateLabels: StringMap;
  /** spec.replicas; a Job's spec.parallelism; null for DaemonSets and CronJobs. */
  replicas: number | null;
  labels: StringMap;
  resourceVersion: string;
  k8sCreatedAt: string;
}
