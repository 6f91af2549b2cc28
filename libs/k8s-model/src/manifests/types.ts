import type { ValidationIssue } from '../validation/issues.js';

/** The field manager every Switchboard write uses (server-side apply, issue #6). */
export const FIELD_MANAGER = 'switchboard';

/** metadata of an object we send: identity plus the maps the caller controls. */
export interface ManifestMeta {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Only as an optimistic-concurrency precondition (a stale value → 409 Conflict). */
  resourceVersion?: string;
}

export interface ServicePortManifest {
  name?: string;
  port: number;
  /** Always sent: (port, protocol) is the key of the spec.ports associative list. */
  protocol: 'TCP' | 'UDP' | 'SCTP';
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface ServiceManifest {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ManifestMeta;
  spec: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    /** Only "None" (headless); an allocated IP is the server's, never ours. */
    clusterIP?: 'None';
    selector?: Record<string, string>;
    ports?: ServicePortManifest[];
    externalName?: string;
  };
}

export interface IngressServiceBackendManifest {
  service: { name: string; port: { number: number } | { name: string } };
}
export interface IngressResourceBackendManifest {
  resource: { apiGroup?: string; kind: string; name: string };
}
export type IngressBackendManifest = IngressServiceBackendManifest | IngressResourceBackendManifest;

export interface IngressPathManifest {
  path?: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: IngressBackendManifest;
}

export interface IngressRuleManifest {
  host?: string;
  http?: { paths: IngressPathManifest[] };
}

export interface IngressTlsManifest {
  hosts?: string[];
  secretName?: string;
}

export interface IngressManifest {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ManifestMeta;
  spec: {
    ingressClassName?: string;
    defaultBackend?: IngressBackendManifest;
    rules?: IngressRuleManifest[];
    tls?: IngressTlsManifest[];
  };
}

export type Manifest = ServiceManifest | IngressManifest;
export type ManifestKind = Manifest['kind'];

/** Server-side apply of `manifest` (creates the object when it does not exist). */
export interface ApplyAction {
  op: 'apply';
  kind: ManifestKind;
  namespace: string;
  name: string;
  manifest: Manifest;
  /** One line for logs, audit and dry-run output. */
  summary: string;
}

/** Delete, with preconditions when the plan knows them (never delete a newer incarnation). */
export interface DeleteAction {
  op: 'delete';
  kind: ManifestKind;
  namespace: string;
  name: string;
  preconditions?: { uid?: string; resourceVersion?: string };
  summary: string;
}

export type PlanAction = ApplyAction | DeleteAction;

/**
 * One write of a multi-object plan, with the write that reverses it. To roll back
 * after step k failed, run the `undo` of steps k-1 … 0 in that order.
 */
export type PlanStep = PlanAction & {
  /** true when the object does not exist yet (apply creates it). */
  creates: boolean;
  undo: PlanAction;
};

/** Why a builder or planner refused; `issues` name the fields as validation does. */
export interface Refusal {
  ok: false;
  /**
   * invalid: the input breaks a rule; recreateRequired: Kubernetes cannot make this
   * change in place (delete and recreate); conflict: another object already claims it.
   */
  reason: 'invalid' | 'recreateRequired' | 'conflict';
  message: string;
  issues: ValidationIssue[];
}

export interface Plan {
  ok: true;
  /** Empty when there is nothing to do (already exposed / already unexposed). */
  steps: PlanStep[];
  /** Things worth telling the caller (e.g. "merged into ingress web"). */
  notes: string[];
}

export type PlanResult = Plan | Refusal;

export type ManifestResult<M> = { ok: true; manifest: M } | Refusal;
