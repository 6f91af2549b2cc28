import { findByResource, type ResourceDef } from './resources.js';

/** The store key of a resource: its group and plural name. */
export const rkeyOf = (def: ResourceDef) => `${def.group}/${def.resource}`;

const def = (group: string, resource: string) => findByResource(group, 'v1', resource)!;

/** The resources the write path and the controllers treat specially. */
export const KINDS = {
  namespaces: def('', 'namespaces'),
  nodes: def('', 'nodes'),
  pods: def('', 'pods'),
  services: def('', 'services'),
  endpoints: def('', 'endpoints'),
  slices: def('discovery.k8s.io', 'endpointslices'),
  ingresses: def('networking.k8s.io', 'ingresses'),
  ingressClasses: def('networking.k8s.io', 'ingressclasses'),
  networkPolicies: def('networking.k8s.io', 'networkpolicies'),
  deployments: def('apps', 'deployments'),
  replicaSets: def('apps', 'replicasets'),
  statefulSets: def('apps', 'statefulsets'),
  daemonSets: def('apps', 'daemonsets'),
  replicationControllers: def('', 'replicationcontrollers'),
  jobs: def('batch', 'jobs'),
  cronJobs: def('batch', 'cronjobs'),
};

/** Store indexes the controllers look owned objects up by (see ClusterState's constructor). */
export const BY_OWNER_NAME = 'owner-name';
export const BY_OWNER_UID = 'owner-uid';
export const BY_SERVICE_NAME = 'service-name';
