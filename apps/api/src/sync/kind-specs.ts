import type { ResourceKind, WorkloadKind } from '@switchboard/k8s-model';

/** One catalog table written from one Kubernetes kind: columns as jsonb_to_recordset types. */
export interface TableSpec {
  table: string;
  /** Record field → PostgreSQL type (column names equal record field names). */
  columns: Record<string, string>;
  key: string[];
  children?: ChildSpec[];
  /** Several kinds share the table: this column holds the kind, and every write and count is scoped to it. */
  discriminator?: { column: string; value: string; type: string };
}

export interface ChildSpec {
  table: string;
  /** The record field holding the child array. */
  field: string;
  parentColumn: string;
  columns: Record<string, string>;
  /** Parent columns copied into each child row (denormalised for lookups). */
  copyFromParent?: Record<string, string>;
}

export interface KindSpec {
  kind: ResourceKind;
  /** Cluster-wide list/watch path. */
  path: string;
  spec: TableSpec;
}

const meta = { resourceVersion: 'text', k8sCreatedAt: 'timestamptz' };

/** The workload kinds: one Workload table, told apart by its kind column. */
const workload = (kind: ResourceKind, path: string, k8sKind: WorkloadKind): KindSpec => ({
  kind,
  path,
  spec: {
    table: 'Workload',
    key: ['kind', 'namespace', 'name'],
    discriminator: { column: 'kind', value: k8sKind, type: '"WorkloadKind"' },
    columns: {
      kind: '"WorkloadKind"', namespace: 'text', name: 'text', uid: 'text', ownerKind: 'text', ownerName: 'text', ownerUid: 'text', selector: 'jsonb', templateLabels: 'jsonb', replicas: 'int', labels: 'jsonb', ...meta,
    },
  },
});

const WORKLOAD_SPECS: KindSpec[] = [
  workload('DEPLOYMENT', '/apis/apps/v1/deployments', 'Deployment'),
  workload('REPLICA_SET', '/apis/apps/v1/replicasets', 'ReplicaSet'),
  workload('STATEFUL_SET', '/apis/apps/v1/statefulsets', 'StatefulSet'),
  workload('DAEMON_SET', '/apis/apps/v1/daemonsets', 'DaemonSet'),
  workload('JOB', '/apis/batch/v1/jobs', 'Job'),
  workload('CRON_JOB', '/apis/batch/v1/cronjobs', 'CronJob'),
  workload('REPLICATION_CONTROLLER', '/api/v1/replicationcontrollers', 'ReplicationController'),
];

export const KIND_SPECS: KindSpec[] = [
  {
    kind: 'NAMESPACE',
    path: '/api/v1/namespaces',
    spec: { table: 'Namespace', key: ['name'], columns: { name: 'text', uid: 'text', phase: 'text', labels: 'jsonb', annotations: 'jsonb', ...meta } },
  },
  {
    kind: 'NODE',
    path: '/api/v1/nodes',
    spec: {
      table: 'Node',
      key: ['name'],
      columns: { name: 'text', uid: 'text', addresses: 'jsonb', internalIp: 'text', externalIp: 'text', hostname: 'text', zone: 'text', region: 'text', ready: 'boolean', unschedulable: 'boolean', podCidr: 'text', labels: 'jsonb', ...meta },
    },
  },
  {
    kind: 'POD',
    path: '/api/v1/pods',
    spec: {
      table: 'Pod',
      key: ['namespace', 'name'],
      columns: {
        namespace: 'text', name: 'text', uid: 'text', podIp: 'text', podIps: 'text[]', hostIp: 'text', nodeName: 'text', phase: 'text', ready: 'boolean', terminating: 'boolean',
        hostname: 'text', subdomain: 'text', hostNetwork: 'boolean', ownerKind: 'text', ownerName: 'text', ownerUid: 'text', containerPorts: 'jsonb', labels: 'jsonb', ...meta,
      },
    },
  },
  {
    kind: 'SERVICE',
    path: '/api/v1/services',
    spec: {
      table: 'Service',
      key: ['namespace', 'name'],
      columns: {
        namespace: 'text', name: 'text', uid: 'text', type: '"ServiceType"', headless: 'boolean', clusterIp: 'text', clusterIps: 'text[]', externalIps: 'text[]', externalName: 'text',
        selector: 'jsonb', sessionAffinity: 'text', externalTrafficPolicy: 'text', internalTrafficPolicy: 'text', publishNotReadyAddresses: 'boolean', loadBalancerClass: 'text',
        loadBalancerIngress: 'jsonb', labels: 'jsonb', annotations: 'jsonb', ...meta,
      },
      children: [
        { table: 'ServicePort', field: 'ports', parentColumn: 'serviceId', columns: { position: 'int', name: 'text', protocol: 'text', port: 'int', targetPort: 'text', nodePort: 'int', appProtocol: 'text' } },
      ],
    },
  },
  {
    kind: 'ENDPOINT_SLICE',
    path: '/apis/discovery.k8s.io/v1/endpointslices',
    spec: {
      table: 'EndpointSlice',
      key: ['namespace', 'name'],
      columns: { namespace: 'text', name: 'text', uid: 'text', serviceName: 'text', addressType: 'text', ports: 'jsonb', ...meta },
      children: [
        {
          table: 'Endpoint', field: 'endpoints', parentColumn: 'sliceId',
          columns: { position: 'int', address: 'text', addresses: 'text[]', ready: 'boolean', serving: 'boolean', terminating: 'boolean', hostname: 'text', nodeName: 'text', zone: 'text', targetKind: 'text', targetName: 'text', targetUid: 'text' },
        },
      ],
    },
  },
  {
    kind: 'INGRESS',
    path: '/apis/networking.k8s.io/v1/ingresses',
    spec: {
      table: 'Ingress',
      key: ['namespace', 'name'],
      columns: { namespace: 'text', name: 'text', uid: 'text', ingressClassName: 'text', defaultBackend: 'jsonb', loadBalancerIngress: 'jsonb', labels: 'jsonb', annotations: 'jsonb', ...meta },
      children: [
        {
          table: 'IngressRule', field: 'rules', parentColumn: 'ingressId', copyFromParent: { clusterId: 'uuid' },
          columns: { position: 'int', namespace: 'text', host: 'text', path: 'text', pathType: 'text', backendService: 'text', backendPortNumber: 'int', backendPortName: 'text', backendResource: 'jsonb' },
        },
        { table: 'IngressTls', field: 'tls', parentColumn: 'ingressId', columns: { position: 'int', hosts: 'text[]', secretName: 'text' } },
      ],
    },
  },
  {
    kind: 'NETWORK_POLICY',
    path: '/apis/networking.k8s.io/v1/networkpolicies',
    spec: {
      table: 'NetworkPolicy',
      key: ['namespace', 'name'],
      columns: { namespace: 'text', name: 'text', uid: 'text', podSelector: 'jsonb', policyTypes: 'text[]', ingress: 'jsonb', egress: 'jsonb', labels: 'jsonb', annotations: 'jsonb', ...meta },
    },
  },
  ...WORKLOAD_SPECS,
];
