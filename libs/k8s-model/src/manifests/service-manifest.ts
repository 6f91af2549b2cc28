import type { ServiceRecord, ServiceType } from '../catalog-types.js';
import type { ValidationIssue } from '../validation/issues.js';
import { validateServiceUpdate, type ServiceInput, type ServicePortInput } from '../validation/service-input.js';
import { metadata, nonEmptyMap, portOrName, refusal } from './common.js';
import type { ManifestResult, ServiceManifest, ServicePortManifest } from './types.js';

const needsNodePorts = (t: ServiceType) => t === 'NodePort' || t === 'LoadBalancer';

/**
 * The server-side-apply body for a service input (assumed valid: run
 * validateServiceInput first). Only fields Switchboard means to own are sent, because
 * with SSA every sent field becomes owned by the `switchboard` manager and every field
 * it stops sending is removed:
 * - `type` always (expose/unexpose must own it to change it back);
 * - `protocol` always: (port, protocol) is the key of the spec.ports list, and merging
 *   list items needs both keys (older API servers reject an omitted key);
 * - `clusterIP` only as "None" for headless: an allocated IP belongs to the server;
 * - `targetPort`, `name`, `appProtocol`, a non-zero `nodePort`, `selector`, labels and
 *   annotations only when given; server defaults (targetPort = port, sessionAffinity,
 *   traffic policies, IP families) stay the server's.
 */
export function serviceManifest(input: ServiceInput, opts: { namespace: string }): ServiceManifest {
  const type = input.type ?? 'ClusterIP';
  const spec: ServiceManifest['spec'] = { type };
  if (type === 'ExternalName') {
    if (input.externalName) spec.externalName = input.externalName;
  } else {
    if (input.headless) spec.clusterIP = 'None';
    const selector = nonEmptyMap(input.selector);
    if (selector) spec.selector = selector;
    const ports = (input.ports ?? []).map((p) => servicePort(p, type));
    if (ports.length) spec.ports = ports;
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(input.name, opts.namespace, input.labels, input.annotations), spec };
}

function servicePort(p: ServicePortInput, type: ServiceType): ServicePortManifest {
  // Built in the API's field order so manifests read like kubectl output.
  const out: Partial<ServicePortManifest> = {};
  if (p.name) out.name = p.name;
  out.protocol = p.protocol ?? 'TCP';
  if (p.appProtocol) out.appProtocol = p.appProtocol;
  out.port = p.port;
  if (p.targetPort !== undefined && p.targetPort !== null && p.targetPort !== '') out.targetPort = portOrName(p.targetPort);
  // 0 means "allocate one" in the API; sending it would make us own a value we never chose.
  if (p.nodePort && needsNodePorts(type)) out.nodePort = p.nodePort;
  return out as ServicePortManifest;
}

/**
 * The service input that describes a catalog record, i.e. what Switchboard would send
 * to (re)state it. targetPort equal to port is the server default and left out.
 * `nodePorts: true` keeps the allocated node ports (to restore them exactly on rollback);
 * otherwise they are left out: on update the API server copies a port's old node port
 * (matched by port name) when the new one is unset, and drops them all when the type
 * no longer needs node ports (kube-apiserver's patchAllocatedValues and
 * dropTypeDependentFields), so omitting them neither loses nor pins them.
 */
export function serviceInputFromRecord(record: ServiceRecord, opts: { nodePorts?: boolean } = {}): ServiceInput {
  const input: ServiceInput = { name: record.name, type: record.type };
  if (record.headless) input.headless = true;
  if (record.selector && Object.keys(record.selector).length) input.selector = { ...record.selector };
  if (record.type === 'ExternalName') {
    if (record.externalName) input.externalName = record.externalName;
  } else if (record.ports.length) {
    input.ports = [...record.ports]
      .sort((a, b) => a.position - b.position)
      .map((p) => {
        const port: ServicePortInput = { port: p.port, protocol: p.protocol as ServicePortInput['protocol'] };
        if (p.name) port.name = p.name;
        if (p.targetPort !== String(p.port)) port.targetPort = portOrName(p.targetPort);
        if (opts.nodePorts && p.nodePort && needsNodePorts(record.type)) port.nodePort = p.nodePort;
        if (p.appProtocol) port.appProtocol = p.appProtocol;
        return port;
      });
  }
  if (Object.keys(record.labels).length) input.labels = { ...record.labels };
  if (Object.keys(record.annotations).length) input.annotations = { ...record.annotations };
  return input;
}

/**
 * The desired state after `change`: the record's state with the changed fields
 * replaced. `undefined` keeps a field, `null` clears it. Fields the new type cannot
 * have are not carried over from the record (a selector when becoming ExternalName…).
 */
export function mergeServiceChange(current: ServiceRecord, change: Partial<ServiceInput>): ServiceInput {
  const base = serviceInputFromRecord(current);
  const nextType = change.type ?? base.type ?? 'ClusterIP';
  if (nextType === 'ExternalName') {
    delete base.selector;
    delete base.ports;
    delete base.headless;
  } else delete base.externalName;
  const next: ServiceInput = { ...base };
  for (const [k, v] of Object.entries(change) as [keyof ServiceInput, unknown][]) {
    if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
  }
  return next;
}

/**
 * The SSA body that updates `current` with `change` (everything Switchboard states
 * about the service: SSA removes owned fields that are not sent, so an update always
 * restates the whole input-shaped state). Refuses, with issues naming the fields, what
 * the input rules or Kubernetes forbid; `reason: 'recreateRequired'` for changes that
 * need delete + create (to or from headless, a new name).
 * `resourceVersion` becomes an optimistic-concurrency precondition.
 */
export function serviceUpdateManifest(
  current: ServiceRecord,
  change: Partial<ServiceInput>,
  opts: { resourceVersion?: string } = {},
): ManifestResult<ServiceManifest> {
  const next = mergeServiceChange(current, change);
  let issues: ValidationIssue[] = validateServiceUpdate(current, next);
  const nextType = next.type ?? 'ClusterIP';
  // Headless → NodePort/LoadBalancer without touching `headless`: the real obstacle is
  // that the service would need a cluster IP, which cannot be added in place.
  if (current.headless && needsNodePorts(nextType) && (change.headless === undefined || change.headless === null)) {
    issues = issues.filter((i) => i.field !== 'headless');
    issues.unshift({
      field: 'type',
      rule: 'immutable',
      message: `type: a headless service cannot become ${nextType} in place (it would need a cluster IP, and clusterIP may not change once set): delete and recreate the service`,
    });
  }
  if (issues.length) {
    const reason = issues.some((i) => i.rule === 'immutable') ? 'recreateRequired' : 'invalid';
    return refusal('Service', current.name, reason, issues);
  }
  const manifest = serviceManifest(next, { namespace: current.namespace });
  if (opts.resourceVersion) manifest.metadata.resourceVersion = opts.resourceVersion;
  return { ok: true, manifest };
}
