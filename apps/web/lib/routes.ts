/** Where each object's page is: one place, so every link agrees. */
const seg = encodeURIComponent;

export const routes = {
  overview: () => '/',
  catalog: (params?: Record<string, string | string[] | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params ?? {})) for (const one of [v].flat()) if (one !== undefined && one !== '') q.append(k, one);
    const s = q.toString();
    return s ? `/services?${s}` : '/services';
  },
  service: (cluster: string, namespace: string, name: string) => `/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/services/${seg(name)}`,
  ingress: (cluster: string, namespace: string, name: string) => `/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/ingresses/${seg(name)}`,
  newIngress: (cluster: string, namespace: string) => `/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/ingresses/new`,
  networkPolicy: (cluster: string, namespace: string, name: string) => `/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/networkpolicies/${seg(name)}`,
  whatIf: (cluster: string, from?: { namespace: string; name: string }) => `/clusters/${seg(cluster)}/connectivity/what-if${from ? `?from=${seg(`${from.namespace}/${from.name}`)}` : ''}`,
  editIngress: (cluster: string, namespace: string, name: string) => `/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/ingresses/${seg(name)}/edit`,
  topology: (params?: { cluster?: string; namespace?: string; focus?: string }) => {
    const q = new URLSearchParams(Object.entries(params ?? {}).filter((e): e is [string, string] => !!e[1]));
    const s = q.toString();
    return s ? `/topology?${s}` : '/topology';
  },
  diagnostics: (params?: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries(params ?? {}).filter((e): e is [string, string] => !!e[1]));
    const s = q.toString();
    return s ? `/diagnostics?${s}` : '/diagnostics';
  },
  status: () => '/status',
  newService: (at?: { cluster?: string; namespace?: string }) => {
    const q = new URLSearchParams(Object.entries(at ?? {}).filter((e): e is [string, string] => !!e[1]));
    const s = q.toString();
    return s ? `/services/new?${s}` : '/services/new';
  },
  editService: (cluster: string, namespace: string, name: string) => `/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/services/${seg(name)}/edit`,
};

/** The page of the object a finding or a graph node is about. */
export function objectRoute(o: { kind: string; cluster: string; namespace?: string | null; name: string }): string | null {
  if (!o.namespace) return null;
  if (o.kind === 'Service') return routes.service(o.cluster, o.namespace, o.name);
  if (o.kind === 'Ingress') return routes.ingress(o.cluster, o.namespace, o.name);
  if (o.kind === 'NetworkPolicy') return routes.networkPolicy(o.cluster, o.namespace, o.name);
  return null;
}

/** A path segment as the object's name: decoded when it is percent-encoded, as it came otherwise. */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
