/** The API resources kube-sim serves, as discovery describes them. */
export interface ResourceDef {
  group: string; // '' for core
  version: string;
  resource: string; // plural
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  verbs: string[];
  /** Subresources served (get, update, patch), as discovery lists them. */
  subresources?: ('status' | 'scale')[];
  /** Discovery categories: `kubectl get all` lists the kinds in 'all'. */
  categories?: string[];
}

const ALL = ['all'];

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ_VERBS = ['get', 'list', 'watch'];

export const RESOURCES: ResourceDef[] = [
  { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status'] },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'], verbs: ALL_VERBS, subresources: ['status'] },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'], verbs: ALL_VERBS, subresources: ['status'], categories: ALL },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status'], categories: ALL },
  { group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'], verbs: ALL_VERBS },
  { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true, verbs: ALL_VERBS },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true, shortNames: ['ing'], verbs: ALL_VERBS, subresources: ['status'] },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', kind: 'IngressClass', namespaced: false, verbs: ALL_VERBS },
  { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'], verbs: ALL_VERBS },
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], verbs: ALL_VERBS, subresources: ['status', 'scale'], categories: ALL },
  { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], verbs: ALL_VERBS, subresources: ['status', 'scale'], categories: ALL },
  { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], verbs: ALL_VERBS, subresources: ['status', 'scale'], categories: ALL },
  { group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], verbs: ALL_VERBS, subresources: ['status'], categories: ALL },
  { group: '', version: 'v1', resource: 'replicationcontrollers', kind: 'ReplicationController', namespaced: true, shortNames: ['rc'], verbs: ALL_VERBS, subresources: ['status', 'scale'], categories: ALL },
  { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true, verbs: ALL_VERBS, subresources: ['status'], categories: ALL },
  { group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true, shortNames: ['cj'], verbs: ALL_VERBS, subresources: ['status'], categories: ALL },
];
void READ_VERBS;

// Computed once per resource: every stored object carries it, so one shared string.
const apiVersions = new Map<ResourceDef, string>();

export function apiVersionOf(def: ResourceDef): string {
  let v = apiVersions.get(def);
  if (v === undefined) apiVersions.set(def, (v = def.group ? `${def.group}/${def.version}` : def.version));
  return v;
}

export function findByResource(group: string, version: string, resource: string): ResourceDef | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.resource === resource);
}

export function findByKind(apiVersion: string, kind: string): ResourceDef | undefined {
  return RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind);
}
