import { type ExposeInput as ModelExposeInput, validateExposeInput, type ValidationIssue } from '@switchboard/k8s-model';
import type { ExposeInput, ExposeVia, PathType } from '../../lib/graphql/generated/graphql';
import type { PageService } from '../service/types';

/** What the expose form holds, as typed. */
export interface ExposeFormState {
  via: ExposeVia;
  /** The service port, by number (as text) or name. */
  port: string;
  nodePort: string;
  host: string;
  path: string;
  pathType: PathType;
  ingressClassName: string;
  tls: boolean;
  secretName: string;
}

export type ExposeTarget = Pick<PageService, 'cluster' | 'namespace' | 'name' | 'type' | 'headless' | 'ports' | 'accessUrls' | 'ingresses'>;

const portKey = (p: { name: string; port: number }) => String(p.port);

export function initialExposeState(s: ExposeTarget): ExposeFormState {
  const first = s.ports[0];
  return {
    // Every kind of service can be exposed through an ingress; node ports and load balancers need a cluster IP.
    via: 'INGRESS',
    port: first ? portKey(first) : '',
    nodePort: '',
    host: '',
    path: '/',
    pathType: 'Prefix',
    ingressClassName: '',
    tls: false,
    secretName: '',
  };
}

/** The request the form's state stands for: only the fields its `via` uses. */
export function exposeRequest(f: ExposeFormState): ModelExposeInput {
  const port = f.port.trim() === '' ? undefined : /^\d+$/.test(f.port.trim()) ? Number(f.port.trim()) : f.port.trim();
  if (f.via !== 'INGRESS') {
    const nodePort = f.nodePort.trim();
    return { via: f.via, ...(port !== undefined ? { port } : {}), ...(nodePort ? { nodePort: /^\d+$/.test(nodePort) ? Number(nodePort) : (nodePort as unknown as number) } : {}) };
  }
  return {
    via: 'INGRESS',
    ...(port !== undefined ? { port } : {}),
    ...(f.host.trim() ? { host: f.host.trim() } : {}),
    path: f.path,
    pathType: f.pathType,
    ...(f.ingressClassName ? { ingressClassName: f.ingressClassName } : {}),
    ...(f.tls ? { tls: { secretName: f.secretName.trim() } } : {}),
  };
}

/** k8s-model's rules (the API's own) over the request, with what the service's kind forbids. */
export function exposeIssues(f: ExposeFormState, s: ExposeTarget): ValidationIssue[] {
  const ports = s.ports.map((p, position) => ({ position, name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort, nodePort: p.nodePort ?? null, appProtocol: p.appProtocol ?? null }));
  return validateExposeInput(exposeRequest(f), { type: s.type, headless: s.headless, ports });
}

/** The GraphQL input (ports travel as text there). */
export function exposeVariables(f: ExposeFormState): ExposeInput {
  const r = exposeRequest(f);
  return {
    via: r.via,
    ...(r.port !== undefined && r.port !== null ? { port: String(r.port) } : {}),
    ...(r.nodePort ? { nodePort: r.nodePort } : {}),
    ...(r.host ? { host: r.host } : {}),
    ...(r.path !== undefined && r.path !== null ? { path: r.path } : {}),
    ...(r.pathType ? { pathType: r.pathType as PathType } : {}),
    ...(r.ingressClassName ? { ingressClassName: r.ingressClassName } : {}),
    ...(r.tls ? { tls: { secretName: r.tls.secretName } } : {}),
  };
}
