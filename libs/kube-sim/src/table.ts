import type { KubeObject } from './kube-object.js';

/**
 * `meta.k8s.io/v1 Table` answers, so `kubectl get` prints the columns a real cluster
 * prints (the API server's printers in pkg/printers/internalversion).
 */
type Column = { name: string; type: 'string' | 'integer' | 'date'; format?: string; description: string; priority: number };
type Obj = Record<string, any>;

export const wantsTable = (accept: string | undefined) => /;\s*as=Table/.test(accept ?? '');

/** kube's duration.HumanDuration. */
export function humanAge(from: string | undefined, now = Date.now()): string {
  if (!from) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(from)) / 1000));
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (s < 120) return `${s}s`;
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (h < 3) return `${m}m`;
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  if (d < 8) return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

const col = (name: string, description: string, priority = 0, type: Column['type'] = 'string', format?: string): Column => ({ name, type, description, priority, ...(format ? { format } : {}) });
const NAME = col('Name', 'Name must be unique within a namespace.', 0, 'string', 'name');
const AGE = col('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.');
const orNone = (v: string) => v || '<none>';
const lbAddresses = (status: Obj | undefined) => ((status?.loadBalancer?.ingress ?? []) as Obj[]).map((i) => i.ip ?? i.hostname).filter(Boolean) as string[];
const selector = (sel: Obj | undefined) => orNone(Object.entries(sel ?? {}).map(([k, v]) => `${k}=${v}`).join(','));

function serviceRow(o: Obj): unknown[] {
  const spec = o.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  let external: string;
  if (type === 'ExternalName') external = spec.externalName ?? '<none>';
  else if (type === 'LoadBalancer') external = [...lbAddresses(o.status), ...(spec.externalIPs ?? [])].join(',') || '<pending>';
  else external = orNone((spec.externalIPs ?? []).join(','));
  const ports = ((spec.ports ?? []) as Obj[]).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
  return [o.metadata.name, type, spec.clusterIP ?? '<none>', external, orNone(ports), humanAge(o.metadata.creationTimestamp), selector(spec.selector)];
}

function ingressRow(o: Obj): unknown[] {
  const spec = o.spec ?? {};
  const hosts = ((spec.rules ?? []) as Obj[]).map((r) => r.host ?? '*');
  return [o.metadata.name, spec.ingressClassName ?? '<none>', hosts.length ? hosts.join(',') : '*', lbAddresses(o.status).join(','), spec.tls?.length ? '80, 443' : '80', humanAge(o.metadata.creationTimestamp)];
}

function podRow(o: Obj): unknown[] {
  const statuses = (o.status?.containerStatuses ?? []) as Obj[];
  const total = (o.spec?.containers ?? []).length;
  // Simulated pods may carry only the Ready condition, not per-container statuses.
  const podReady = ((o.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');
  const ready = statuses.length ? statuses.filter((c) => c.ready).length : podReady ? total : 0;
  const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const phase = o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? 'Pending');
  return [o.metadata.name, `${ready}/${total}`, phase, restarts, humanAge(o.metadata.creationTimestamp), o.status?.podIP ?? '<none>', o.spec?.nodeName ?? '<none>', '<none>', '<none>'];
}

function nodeRow(o: Obj): unknown[] {
  const ready = ((o.status?.conditions ?? []) as Obj[]).find((c) => c.type === 'Ready')?.status === 'True';
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  return [o.metadata.name, `${ready ? 'Ready' : 'NotReady'}${o.spec?.unschedulable ? ',SchedulingDisabled' : ''}`, orNone(roles.join(',')), humanAge(o.metadata.creationTimestamp), o.status?.nodeInfo?.kubeletVersion ?? ''];
}

function endpointSliceRow(o: Obj): unknown[] {
  const ports = ((o.ports ?? []) as Obj[]).map((p) => p.port).filter((p) => p !== undefined);
  const addrs = ((o.endpoints ?? []) as Obj[]).flatMap((e) => e.addresses ?? []);
  const shown = addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '');
  return [o.metadata.name, o.addressType ?? 'IPv4', orNone(ports.join(',')), orNone(shown), humanAge(o.metadata.creationTimestamp)];
}

function endpointsRow(o: Obj): unknown[] {
  const eps = ((o.subsets ?? []) as Obj[]).flatMap((s) => ((s.addresses ?? []) as Obj[]).flatMap((a) => ((s.ports ?? [{}]) as Obj[]).map((p) => (p.port ? `${a.ip}:${p.port}` : a.ip))));
  const shown = eps.slice(0, 3).join(',') + (eps.length > 3 ? ` + ${eps.length - 3} more...` : '');
  return [o.metadata.name, orNone(shown), humanAge(o.metadata.creationTimestamp)];
}

function deploymentRow(o: Obj): unknown[] {
  const s = o.status ?? {};
  return [o.metadata.name, `${s.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`, s.updatedReplicas ?? 0, s.availableReplicas ?? 0, humanAge(o.metadata.creationTimestamp)];
}

const containerCols = [col('Containers', 'Names of each container in the template.', 1), col('Images', 'Images referenced by each container in the template.', 1), col('Selector', 'Label selector for pods.', 1)];
function templateCells(o: Obj): unknown[] {
  const containers = (o.spec?.template?.spec?.containers ?? []) as Obj[];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(','), labelSelectorText(o.spec?.selector)];
}

/** metav1.FormatLabelSelector, or a plain map (a ReplicationController's selector). */
function labelSelectorText(sel: Obj | undefined): string {
  if (!sel) return '<none>';
  if (!sel.matchLabels && !sel.matchExpressions) return selector(sel);
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of (sel.matchExpressions ?? []) as Obj[]) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',') || '<none>';
}

const replicasPrinter = {
  columns: [NAME, col('Desired', 'Replicas is the number of desired replicas.', 0, 'integer'), col('Current', 'The most recently observed number of replicas.', 0, 'integer'), col('Ready', 'The number of ready replicas.', 0, 'integer'), AGE, ...containerCols],
  row: (o: Obj) => [o.metadata.name, o.spec?.replicas ?? 1, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, humanAge(o.metadata.creationTimestamp), ...templateCells(o)],
};

function jobStatus(o: Obj): string {
  const conds = (o.status?.conditions ?? []) as Obj[];
  const is = (t: string) => conds.some((c) => c.type === t && c.status === 'True');
  if (is('Complete')) return 'Complete';
  if (is('Failed')) return 'Failed';
  if (is('Suspended') || o.spec?.suspend) return 'Suspended';
  return 'Running';
}

const PRINTERS: Record<string, { columns: Column[]; row: (o: Obj) => unknown[] }> = {
  Service: {
    columns: [
      NAME,
      col('Type', 'The type of the service.'),
      col('Cluster-IP', 'The IP address of the service.'),
      col('External-IP', 'The external IP address of the service.'),
      col('Port(s)', 'The ports of the service.'),
      AGE,
      col('Selector', 'Route service traffic to pods with label keys and values matching this selector.', 1),
    ],
    row: serviceRow,
  },
  Ingress: {
    columns: [NAME, col('Class', 'The name of the IngressClass resource.'), col('Hosts', 'Hosts that incoming requests are matched against.'), col('Address', 'Address is a list containing ingress points for the load-balancer.'), col('Ports', 'Ports of TLS configurations that open.'), AGE],
    row: ingressRow,
  },
  Pod: {
    columns: [
      NAME,
      col('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
      col('Status', 'The aggregate status of the containers in this pod.'),
      col('Restarts', 'The number of times the containers in this pod have been restarted.', 0, 'string'),
      AGE,
      col('IP', 'IP address allocated to the pod.', 1),
      col('Node', 'Name of the Node this pod runs on.', 1),
      col('Nominated Node', 'Name of the node where pod is nominated.', 1),
      col('Readiness Gates', 'Pod readiness gates.', 1),
    ],
    row: podRow,
  },
  Node: {
    columns: [NAME, col('Status', 'The status of the node'), col('Roles', 'The roles of the node'), AGE, col('Version', 'Kubelet Version reported by the node.')],
    row: nodeRow,
  },
  Namespace: { columns: [NAME, col('Status', 'The status of the namespace'), AGE], row: (o) => [o.metadata.name, o.status?.phase ?? 'Active', humanAge(o.metadata.creationTimestamp)] },
  Deployment: {
    columns: [NAME, col('Ready', 'Number of the pod with ready state'), col('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', 0, 'integer'), col('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', 0, 'integer'), AGE],
    row: deploymentRow,
  },
  ReplicaSet: replicasPrinter,
  ReplicationController: replicasPrinter,
  StatefulSet: {
    columns: [NAME, col('Ready', 'Number of the pod with ready state'), AGE, col('Containers', 'Names of each container in the template.', 1), col('Images', 'Images referenced by each container in the template.', 1)],
    row: (o) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`, humanAge(o.metadata.creationTimestamp), ...templateCells(o).slice(0, 2)],
  },
  DaemonSet: {
    columns: [
      NAME,
      col('Desired', 'The total number of nodes that should be running the daemon pod.', 0, 'integer'),
      col('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.', 0, 'integer'),
      col('Ready', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.', 0, 'integer'),
      col('Up-to-date', 'The total number of nodes that are running updated daemon pod', 0, 'integer'),
      col('Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)', 0, 'integer'),
      col('Node Selector', 'NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node\'s labels for the pod to be scheduled on that node.'),
      AGE,
      ...containerCols,
    ],
    row: (o) => {
      const s = o.status ?? {};
      const nodeSel = orNone(Object.entries(o.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(','));
      return [o.metadata.name, s.desiredNumberScheduled ?? 0, s.currentNumberScheduled ?? 0, s.numberReady ?? 0, s.updatedNumberScheduled ?? 0, s.numberAvailable ?? 0, nodeSel, humanAge(o.metadata.creationTimestamp), ...templateCells(o)];
    },
  },
  Job: {
    columns: [NAME, col('Status', 'Status of the job.'), col('Completions', 'The desired number of successfully finished pods the job should be run with.'), col('Duration', 'Time required to complete the job.'), AGE, ...containerCols],
    row: (o) => {
      const start = o.status?.startTime as string | undefined;
      const end = o.status?.completionTime as string | undefined;
      const duration = start ? humanAge(start, end ? Date.parse(end) : Date.now()) : '';
      const completions = o.spec?.completions === undefined ? `${o.status?.succeeded ?? 0}/1 of ${o.spec?.parallelism ?? 1}` : `${o.status?.succeeded ?? 0}/${o.spec.completions}`;
      return [o.metadata.name, jobStatus(o), completions, duration, humanAge(o.metadata.creationTimestamp), ...templateCells(o)];
    },
  },
  CronJob: {
    columns: [
      NAME,
      col('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
      col('Timezone', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
      col('Suspend', 'This flag tells the controller to suspend subsequent executions.', 0, 'string'),
      col('Active', 'A list of pointers to currently running jobs.', 0, 'integer'),
      col('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
      AGE,
      col('Containers', 'Names of each container in the template.', 1),
      col('Images', 'Images referenced by each container in the template.', 1),
      col('Selector', 'Label selector for pods.', 1),
    ],
    row: (o) => {
      const containers = (o.spec?.jobTemplate?.spec?.template?.spec?.containers ?? []) as Obj[];
      const last = o.status?.lastScheduleTime ? humanAge(o.status.lastScheduleTime) : '<none>';
      return [o.metadata.name, o.spec?.schedule ?? '', o.spec?.timeZone ?? '<none>', o.spec?.suspend ? 'True' : 'False', (o.status?.active ?? []).length, last, humanAge(o.metadata.creationTimestamp), containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(','), labelSelectorText(o.spec?.jobTemplate?.spec?.selector)];
    },
  },
  EndpointSlice: {
    columns: [NAME, col('AddressType', 'Type of address carried by this EndpointSlice.'), col('Ports', 'Ports of the EndpointSlice.'), col('Endpoints', 'Endpoints of the EndpointSlice.'), AGE],
    row: endpointSliceRow,
  },
  Endpoints: { columns: [NAME, col('Endpoints', 'Endpoints of the resource.'), AGE], row: endpointsRow },
  IngressClass: {
    columns: [NAME, col('Controller', 'Controller that is responsible for handling this class.'), col('Parameters', 'A reference to a resource with additional parameters.'), AGE],
    row: (o) => [o.metadata.name, o.spec?.controller ?? '', '<none>', humanAge(o.metadata.creationTimestamp)],
  },
  NetworkPolicy: {
    columns: [NAME, col('Pod-Selector', 'Selects pods to which this NetworkPolicy object applies.'), AGE],
    row: (o) => [o.metadata.name, Object.entries(o.spec?.podSelector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>', humanAge(o.metadata.creationTimestamp)],
  },
};

const DEFAULT_PRINTER = { columns: [NAME, AGE], row: (o: Obj) => [o.metadata.name, humanAge(o.metadata.creationTimestamp)] };

/** The Table for `objects` of `kind`; rows carry the object as kubectl asks (`includeObject`, default Metadata). */
export function toTable(kind: string, objects: KubeObject[], listMeta: Record<string, unknown>, includeObject: string | null): unknown {
  const printer = PRINTERS[kind] ?? DEFAULT_PRINTER;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: printer.columns,
    rows: objects.map((o) => ({
      cells: printer.row(o as unknown as Obj),
      object:
        includeObject === 'None'
          ? undefined
          : includeObject === 'Object'
            ? o
            : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
