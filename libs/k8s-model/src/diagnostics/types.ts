import type { EndpointSliceRecord, IngressRecord, PodRecord, ServiceRecord } from '../catalog-types.js';

export const SEVERITIES = ['ERROR', 'WARNING', 'INFO'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DIAGNOSTIC_CODES = [
  'SERVICE_SELECTS_NO_PODS',
  'SERVICE_NO_READY_ENDPOINTS',
  'INGRESS_BACKEND_SERVICE_MISSING',
  'INGRESS_BACKEND_PORT_MISSING',
  'LOAD_BALANCER_PENDING',
  'DUPLICATE_HOST_PATH',
  'EXTERNAL_NAME_TARGET_MISSING',
  'SERVICE_UNREACHABLE',
  'INGRESS_BACKEND_BLOCKED_BY_POLICY',
  'NETWORK_POLICY_SELECTS_NO_PODS',
  'NETWORK_POLICY_NAMED_PORT_UNDEFINED',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export const DIAGNOSTIC_OBJECT_KINDS = ['Service', 'Ingress', 'NetworkPolicy'] as const;

export interface DiagnosticObject {
  kind: (typeof DIAGNOSTIC_OBJECT_KINDS)[number];
  cluster: string;
  namespace: string;
  name: string;
}

/** A typed finding computed from the mirror (DESIGN §2). */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  object: DiagnosticObject;
}

/** What one cluster's mirror holds; only the kinds diagnostics read. */
export interface ClusterSnapshot {
  cluster: string;
  /** default cluster.local */
  clusterDomain?: string | null;
  services: ServiceRecord[];
  endpointSlices: EndpointSliceRecord[];
  pods: PodRecord[];
  ingresses: IngressRecord[];
}

export interface DiagnosticsOptions {
  /** The current time; diagnostics are pure, so the caller passes the clock. */
  now: Date | string | number;
  /** A LoadBalancer without an address is a finding after this many seconds (default 300). */
  loadBalancerPendingSeconds?: number;
}

export const DEFAULT_LOAD_BALANCER_PENDING_SECONDS = 300;

export const SEVERITY_ORDER: Record<Severity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/** Stable order: cluster, namespace, kind, name, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const ka = [a.object.cluster, a.object.namespace, a.object.kind, a.object.name, a.code, a.message];
  const kb = [b.object.cluster, b.object.namespace, b.object.kind, b.object.name, b.code, b.message];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}
