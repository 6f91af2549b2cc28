import type { Diagnostic, DiagnosticCode } from './types.js';

/** A finding's code as a short title for lists and filters. */
export const DIAGNOSTIC_TITLES: Record<DiagnosticCode, string> = {
  SERVICE_SELECTS_NO_PODS: 'Service selects no pods',
  SERVICE_NO_READY_ENDPOINTS: 'No ready endpoints',
  INGRESS_BACKEND_SERVICE_MISSING: 'Ingress backend service missing',
  INGRESS_BACKEND_PORT_MISSING: 'Ingress backend port missing',
  LOAD_BALANCER_PENDING: 'Load balancer pending',
  DUPLICATE_HOST_PATH: 'Host and path claimed twice',
  EXTERNAL_NAME_TARGET_MISSING: 'ExternalName target missing',
  SERVICE_UNREACHABLE: 'No workload can reach the service',
  INGRESS_BACKEND_BLOCKED_BY_POLICY: 'Ingress controller blocked by policy',
  NETWORK_POLICY_SELECTS_NO_PODS: 'Policy selects no pods',
  NETWORK_POLICY_NAMED_PORT_UNDEFINED: 'Policy names an undefined port',
};

/**
 * What to do about a finding, in one or two sentences a newcomer can act on. The
 * message says what is wrong with this object; the hint says where to look next.
 */
export function diagnosticHint(d: Pick<Diagnostic, 'code' | 'severity' | 'object'>): string {
  const ns = d.object.namespace;
  switch (d.code) {
    case 'SERVICE_SELECTS_NO_PODS':
      return `Compare the service's selector with the labels of the pods that should serve it (kubectl get pods -n ${ns} --show-labels), then fix the selector or the pod template's labels — or start the workload if none is running.`;
    case 'SERVICE_NO_READY_ENDPOINTS':
      return `Pods match but none is ready, so traffic to this service fails. Check their readiness probes, restarts and events (kubectl describe pod -n ${ns} <pod>).`;
    case 'INGRESS_BACKEND_SERVICE_MISSING':
      return `Requests on these paths get an error from the ingress controller. Create the service in namespace ${ns}, or point the paths at a service that exists there.`;
    case 'INGRESS_BACKEND_PORT_MISSING':
      return `Change the path's backend port to one the service exposes (number or port name), or add that port to the service.`;
    case 'LOAD_BALANCER_PENDING':
      return 'No controller has assigned an address. Check that a load-balancer controller runs in the cluster (the cloud provider\'s, or MetalLB on bare metal), or reach the service through its node port or an ingress meanwhile.';
    case 'DUPLICATE_HOST_PATH':
      return d.severity === 'ERROR'
        ? 'Only one rule can serve a host and path in a cluster, and the controller picks which. Remove the rule from all but one ingress, or give each a different host or path.'
        : 'Clients reach whichever cluster DNS points at, and get a different application there. Route this host and path to the same namespace and service in every cluster, or use a host per cluster.';
    case 'EXTERNAL_NAME_TARGET_MISSING':
      return 'Clients resolving this alias get no address. Create the target service, or correct spec.externalName.';
    case 'SERVICE_UNREACHABLE':
      return `NetworkPolicies isolate every pod behind the service and no rule lets any workload in on its ports. Add an ingress rule allowing the clients (kubectl get networkpolicy -n ${ns}), or check that the target ports are the ones the rules name.`;
    case 'INGRESS_BACKEND_BLOCKED_BY_POLICY':
      return `Requests through the ingress controller time out: its pods may not open the backend's port. Allow the controller's namespace (namespaceSelector on kubernetes.io/metadata.name) in an ingress rule of the policies in ${ns}.`;
    case 'NETWORK_POLICY_SELECTS_NO_PODS':
      return `The policy has no effect while no pod matches its podSelector. Compare it with the pods' labels (kubectl get pods -n ${ns} --show-labels), or delete the policy if its workload is gone.`;
    case 'NETWORK_POLICY_NAMED_PORT_UNDEFINED':
      return 'A named port matches only pods whose containers declare a port of that name and protocol; here none does, so the rule allows nothing on it. Use the port number, or name the container port.';
  }
}
