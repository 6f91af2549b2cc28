/**
 * Minimal shapes of the Kubernetes objects the catalog mirrors: only the fields the
 * normalisers read. Everything is optional because watch payloads are untrusted JSON;
 * the normalisers decide what is required.
 */

export interface KubeOwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

export interface KubeObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  ownerReferences?: KubeOwnerReference[] | null;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: KubeObjectMeta;
}

export interface KubeCondition {
  type?: string;
  status?: string;
}

export interface KubeLoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: string;
  ports?: { port?: number; protocol?: string; error?: string }[];
}

export interface KubeNamespace extends KubeObject {
  status?: { phase?: string };
}

export interface KubeNode extends KubeObject {
  spec?: { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean };
  status?: { addresses?: { type?: string; address?: string }[]; conditions?: KubeCondition[] };
}

export interface KubeContainerPort {
  name?: string;
  containerPort?: number;
  protocol?: string;
}

export interface KubePod extends KubeObject {
  spec?: {
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    containers?: { name?: string; ports?: KubeContainerPort[] }[];
  };
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip?: string }[];
    hostIP?: string;
    conditions?: KubeCondition[];
  };
}

export interface KubeServicePort {
  name?: string;
  protocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export interface KubeService extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    selector?: Record<string, string> | null;
    ports?: KubeServicePort[];
    sessionAffinity?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    publishNotReadyAddresses?: boolean;
    loadBalancerClass?: string;
  };
  status?: { loadBalancer?: { ingress?: KubeLoadBalancerIngress[] } };
}

export interface KubeEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean | null; serving?: boolean | null; terminating?: boolean | null };
  hostname?: string;
  nodeName?: string;
  zone?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string; uid?: string };
}

export interface KubeEndpointSlice extends KubeObject {
  addressType?: string;
  endpoints?: KubeEndpoint[] | null;
  ports?: { name?: string; port?: number; protocol?: string; appProtocol?: string }[] | null;
}

export interface KubeIngressServiceBackend {
  name?: string;
  port?: { number?: number; name?: string };
}

export interface KubeIngressBackend {
  service?: KubeIngressServiceBackend;
  resource?: { apiGroup?: string; kind?: string; name?: string };
}

export interface KubeIngress extends KubeObject {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: KubeIngressBackend;
    rules?: {
      host?: string;
      http?: { paths?: { path?: string; pathType?: string; backend?: KubeIngressBackend }[] };
    }[];
    tls?: { hosts?: string[]; secretName?: string }[];
  };
  status?: { loadBalancer?: { ingress?: KubeLoadBalancerIngress[] } };
}
