/**
 * Findings from a cluster's reachability (issue 17): a service nothing can reach, a service
 * behind an ingress its controller may not reach, a policy selecting no pod, a named port
 * no pod defines. Pure: the caller passes the compiled cluster and the objects to check.
 */
import type { IngressRecord, ServiceRecord } from '../catalog-types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { matchesLabelSelector, type LabelRequirement } from '../label-selector.js';
import { NAMESPACE_NAME_LABEL, type CompiledReachability } from './engine.js';
import { serviceReach, type ServiceReach } from './service-reach.js';
import type { ReachPod, ReachPolicy, ReachabilityInput } from './types.js';

/** `app.kubernetes.io/name` values of the common ingress controllers' pods. */
export const INGRESS_CONTROLLER_NAMES = ['ingress-nginx', 'nginx-ingress', 'traefik', 'haproxy-ingress', 'kubernetes-ingress', 'contour', 'envoy', 'kong', 'emissary-ingress', 'ingress-gce'] as const;
export const isIngressControllerPod = (p: Pick<ReachPod, 'labels'>) => (INGRESS_CONTROLLER_NAMES as readonly string[]).includes(p.labels['app.kubernetes.io/name'] ?? '');

export interface ReachDiagnosticsInput {
  cluster: string;
  compiled: CompiledReachability;
  /** The input `compiled` was made from. */
  input: ReachabilityInput;
  services: Pick<ServiceRecord, 'namespace' | 'name' | 'type' | 'selector' | 'ports'>[];
  ingresses: Pick<IngressRecord, 'namespace' | 'name' | 'rules'>[];
}

const list = (xs: string[]) => xs.join(', ');

function namedPortFindings(cluster: string, p: ReachPolicy, input: ReachabilityInput, nsLabels: Map<string, Record<string, string>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const selected = input.pods.filter((pod) => pod.namespace === p.namespace && matchesLabelSelector(p.podSelector, pod.labels));
  const sel = (s: LabelRequirement[] | null, labels: Record<string, string>) => s === null || matchesLabelSelector(s, labels);
  for (const dir of ['ingress', 'egress'] as const)
    for (const rule of p[dir] ?? []) {
      const names = (rule.ports ?? []).filter((e) => typeof e.port === 'string');
      if (!names.length) continue;
      // Named ports resolve on the destination: the selected pods for ingress, the peers for egress.
      const destinations =
        dir === 'ingress'
          ? selected
          : input.pods.filter((pod) =>
              rule.peers === null
                ? true
                : rule.peers.some((peer) => peer.kind === 'pods' && (peer.namespaceSelector === null ? pod.namespace === p.namespace : sel(peer.namespaceSelector, nsLabels.get(pod.namespace) ?? { [NAMESPACE_NAME_LABEL]: pod.namespace })) && sel(peer.podSelector, pod.labels)),
            );
      if (!destinations.length) continue;
      for (const e of names)
        if (!destinations.some((pod) => pod.ports.some((cp) => cp.name === e.port && cp.protocol === e.protocol)))
          out.push({
            code: 'NETWORK_POLICY_NAMED_PORT_UNDEFINED',
            severity: 'WARNING',
            object: { kind: 'NetworkPolicy', cluster, namespace: p.namespace, name: p.name },
            message: `NetworkPolicy ${p.namespace}/${p.name} ${dir}[${rule.index}] names port "${e.port}" (${e.protocol}), which none of its ${dir === 'ingress' ? 'selected' : 'peer'} pods (${destinations.length}) defines: the rule allows nothing on it`,
          });
    }
  return out;
}

export function diagnoseReachability(c: ReachDiagnosticsInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { compiled, input, cluster } = c;
  if (input.policies.length === 0) return out; // every finding here needs a policy

  const nsLabels = new Map(input.namespaces.map((n) => [n.name, { ...n.labels, [NAMESPACE_NAME_LABEL]: n.name }]));
  for (const p of input.policies) {
    const selects = input.pods.some((pod) => pod.namespace === p.namespace && matchesLabelSelector(p.podSelector, pod.labels));
    if (!selects)
      out.push({
        code: 'NETWORK_POLICY_SELECTS_NO_PODS',
        severity: 'WARNING',
        object: { kind: 'NetworkPolicy', cluster, namespace: p.namespace, name: p.name },
        message: `NetworkPolicy ${p.namespace}/${p.name} selects no pods: no pod in namespace ${p.namespace} matches its podSelector, so it has no effect`,
      });
    else out.push(...namedPortFindings(cluster, p, input, nsLabels));
  }

  const reaches = new Map<string, ServiceReach>();
  for (const s of c.services) {
    if (s.type === 'ExternalName') continue;
    const r = serviceReach(compiled, input, { namespace: s.namespace, selector: s.selector, ports: s.ports });
    if (!r || r.backends.length === 0) continue;
    reaches.set(`${s.namespace}/${s.name}`, r);
    if (r.isolated && r.ports.every((p) => p.allowedFrom.length === 0)) {
      const policies = [...new Set(r.ports.flatMap((p) => p.deniedFrom.flatMap((d) => d.why.ingress.policies)))];
      out.push({
        code: 'SERVICE_UNREACHABLE',
        severity: 'WARNING',
        object: { kind: 'Service', cluster, namespace: s.namespace, name: s.name },
        message: `No workload and no outside address can open any port of Service ${s.namespace}/${s.name}: ${policies.length ? `NetworkPolicies ${list(policies)} isolate` : 'policies isolate'} its pods and no rule lets anyone in`,
      });
    }
  }

  const controllers = new Set(input.pods.filter(isIngressControllerPod).map((p) => `${p.namespace}/${p.workload.name}[${p.workload.kind}]`));
  if (controllers.size === 0) return out;
  for (const ing of c.ingresses)
    for (const rule of ing.rules) {
      if (!rule.backendService) continue;
      const r = reaches.get(`${ing.namespace}/${rule.backendService}`);
      const port = r?.ports.find((p) => (rule.backendPortNumber !== null ? p.port === rule.backendPortNumber : p.name === rule.backendPortName));
      if (!r || !port || !r.isolated) continue;
      if (port.allowedFrom.some((a) => controllers.has(a.peer.id))) continue;
      const denied = port.deniedFrom.filter((d) => controllers.has(d.peer.id));
      out.push({
        code: 'INGRESS_BACKEND_BLOCKED_BY_POLICY',
        severity: 'ERROR',
        object: { kind: 'Service', cluster, namespace: ing.namespace, name: rule.backendService },
        message: `Ingress ${ing.namespace}/${ing.name} routes ${rule.host ?? '*'}${rule.path ?? '/'} to Service ${ing.namespace}/${rule.backendService} port ${port.port}, which the ingress controller (${list([...controllers].sort())}) may not open: ${denied[0]?.why.summary ?? 'no rule allows it'}`,
      });
    }
  // One finding per service and ingress path is enough; several paths to one port repeat it.
  return out.filter((d, i) => out.findIndex((o) => o.code === d.code && o.message === d.message) === i);
}
