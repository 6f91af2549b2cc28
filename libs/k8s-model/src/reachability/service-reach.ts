/**
 * Who can open a service's ports: per source workload (and outside range), the connection
 * to each backend pod, with the target port resolved against that pod (a named target port
 * resolves to the container port of that name and protocol, per pod, as the EndpointSlice
 * controller does).
 */
import { formatConnections, isNoConnections, type ConnectionSet, type NetpolProtocol } from './connection-set.js';
import type { CompiledReachability } from './engine.js';
import type { ConnectionWhy, PeerRef, ReachConnection, ReachPod, ReachabilityInput } from './types.js';

export interface ReachServicePort {
  name: string | null;
  port: number;
  /** As written: a number or a container port name. */
  targetPort: string;
  protocol: string;
}

export interface ReachService {
  namespace: string;
  /** null or empty: no selector (endpoints managed by someone else), no answer. */
  selector: Record<string, string> | null;
  ports: ReachServicePort[];
}

export interface ReachingPeer {
  peer: PeerRef;
  why: ConnectionWhy;
  /** Every backend pod allows it (false: only some, e.g. a named port only some pods define). */
  allBackends: boolean;
}

export interface ServicePortReach extends ReachServicePort {
  allowedFrom: ReachingPeer[];
  /** Workloads only: outside ranges that cannot are left out. */
  deniedFrom: ReachingPeer[];
}

export interface ServiceReach {
  backends: PeerRef[];
  isolated: boolean;
  ports: ServicePortReach[];
}

export function connectionsContain(c: ConnectionSet, protocol: NetpolProtocol, port: number): boolean {
  return c[protocol].some(([from, to]) => from <= port && port <= to);
}

/** The container port a target port names on one pod; null when the pod does not define it. */
export function resolveTargetPort(pod: Pick<ReachPod, 'ports'>, targetPort: string, protocol: string): number | null {
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  return pod.ports.find((p) => p.name === targetPort && p.protocol === protocol)?.port ?? null;
}

const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

interface BackendGroup {
  cls: number;
  port: number;
  pods: number;
  dst: PeerRef;
}

// The engine's why computes its summary lazily (getters): copy it into a plain object.
const plainWhy = (c: ReachConnection): ConnectionWhy => ({ egress: c.why.egress, ingress: c.why.ingress, summary: c.why.summary });

/** Why a peer cannot open the port although the pair allows something else. */
function deniedWhy(c: ReachConnection, protocol: string, ports: number[]): ConnectionWhy {
  if (isNoConnections(c.connections)) return plainWhy(c);
  const target = ports.length === 0 ? 'the target port (no backend pod defines it)' : `${protocol} ${[...new Set(ports)].sort((a, b) => a - b).join(',')}`;
  return { egress: c.why.egress, ingress: c.why.ingress, summary: `only ${formatConnections(c.connections)} allowed, not ${target}` };
}

/**
 * The reach of one service over a compiled cluster; null for a service without a selector.
 * `input` must be the input `compiled` was made from (its pods, in order).
 */
export function serviceReach(compiled: CompiledReachability, input: ReachabilityInput, service: ReachService): ServiceReach | null {
  if (!service.selector || Object.keys(service.selector).length === 0) return null;
  const backendPods: number[] = [];
  input.pods.forEach((p, i) => {
    if (p.namespace === service.namespace && selects(service.selector!, p.labels)) backendPods.push(i);
  });
  const refOf = new Map(compiled.workloads.map((w) => [w.ref.id, w.ref]));
  const backendRefs = new Map<string, PeerRef>();
  for (const i of backendPods) {
    const p = input.pods[i]!;
    const id = `${p.namespace}/${p.workload.name}[${p.workload.kind}]`;
    backendRefs.set(id, refOf.get(id)!);
  }
  const backendClasses = [...new Set(backendPods.map((i) => compiled.podClass[i]!))];
  const isolated = backendClasses.some((c) => compiled.isolatingPolicies(c, 'ingress').length > 0);
  // No pod backs it: nothing to reach (SERVICE_SELECTS_NO_PODS says so).
  if (backendPods.length === 0) return { backends: [], isolated, ports: service.ports.map((sp) => ({ ...sp, allowedFrom: [], deniedFrom: [] })) };

  const ports = service.ports.map((sp): ServicePortReach => {
    const protocol = sp.protocol as NetpolProtocol;
    // Backend pods grouped by class and resolved port: the verdict is the same within a group.
    const groups = new Map<string, BackendGroup>();
    for (const i of backendPods) {
      const pod = input.pods[i]!;
      const port = resolveTargetPort(pod, sp.targetPort, sp.protocol);
      if (port === null) continue;
      const cls = compiled.podClass[i]!;
      const k = `${cls}:${port}`;
      const g = groups.get(k);
      if (g) g.pods++;
      else groups.set(k, { cls, port, pods: 1, dst: refOf.get(`${pod.namespace}/${pod.workload.name}[${pod.workload.kind}]`)! });
    }
    const total = backendPods.length;
    const list = [...groups.values()];
    const dstOf = list[0]?.dst ?? backendRefs.values().next().value!;
    const reach = (connectTo: (g: BackendGroup) => ReachConnection) => {
      let pods = 0;
      const allowing: BackendGroup[] = [];
      for (const g of list) {
        if (connectionsContain(connectTo(g).connections, protocol, g.port)) {
          pods += g.pods;
          allowing.push(g);
        }
      }
      return { pods, allowing };
    };
    const allowedFrom: ReachingPeer[] = [];
    const deniedFrom: ReachingPeer[] = [];
    for (const w of compiled.workloads) {
      const { pods, allowing } = reach((g) => compiled.connect(w.ref, w.classes, g.dst, [g.cls]));
      if (pods > 0) {
        allowedFrom.push({ peer: w.ref, why: plainWhy(compiled.connect(w.ref, w.classes, dstOf, allowing.map((g) => g.cls))), allBackends: pods === total });
      } else {
        const all = compiled.connect(w.ref, w.classes, dstOf, list.length ? list.map((g) => g.cls) : backendClasses);
        deniedFrom.push({ peer: w.ref, why: deniedWhy(all, sp.protocol, list.map((g) => g.port)), allBackends: true });
      }
    }
    compiled.externalSources.forEach((ext, ai) => {
      const { pods, allowing } = reach((g) => compiled.fromExternal(ai, g.dst, [g.cls]));
      if (pods > 0) allowedFrom.push({ peer: ext, why: plainWhy(compiled.fromExternal(ai, dstOf, allowing.map((g) => g.cls))), allBackends: pods === total });
    });
    return { ...sp, allowedFrom, deniedFrom };
  });
  return { backends: [...backendRefs.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), isolated, ports };
}
