import type { IngressBackend, IngressRecord, IngressResourceBackend, IngressRuleRecord, IngressTlsRecord } from '../catalog-types.js';
import { type Normalized, readLoadBalancerIngress, readMeta } from './meta.js';
import { type Json, Reader } from './reader.js';

interface FlatBackend {
  service: string | null;
  portNumber: number | null;
  portName: string | null;
  resource: IngressResourceBackend | null;
}

function readBackend(r: Reader, v: unknown, f: string): FlatBackend {
  const b = r.obj(v, f) ?? {};
  const svc = r.obj(b['service'], `${f}.service`);
  const res = r.obj(b['resource'], `${f}.resource`);
  const port = svc ? r.obj(svc['port'], `${f}.service.port`) : undefined;
  return {
    service: svc ? r.reqStr(svc['name'], `${f}.service.name`) : null,
    portNumber: port ? r.int(port['number'], `${f}.service.port.number`) || null : null,
    portName: port ? r.optStr(port['name'], `${f}.service.port.name`) : null,
    resource: res
      ? {
          apiGroup: r.optStr(res['apiGroup'], `${f}.resource.apiGroup`),
          kind: r.reqStr(res['kind'], `${f}.resource.kind`),
          name: r.reqStr(res['name'], `${f}.resource.name`),
        }
      : null,
  };
}

function backendJson(b: FlatBackend): IngressBackend | null {
  if (b.service !== null) {
    const port: { number?: number; name?: string } = {};
    if (b.portNumber !== null) port.number = b.portNumber;
    else if (b.portName !== null) port.name = b.portName;
    return { service: { name: b.service, port } };
  }
  return b.resource ? { resource: b.resource } : null;
}

export function normalizeIngress(raw: unknown): Normalized<IngressRecord> {
  const r: Reader = new Reader('Ingress');
  const { o, meta } = readMeta(r, raw, true);
  const spec = r.obj(o['spec'], 'spec') ?? {};
  const status = r.obj(o['status'], 'status');
  const namespace = meta.namespace!;

  // One row per rule × path; a rule without paths still gets a row so host lookups find it.
  const rules: IngressRuleRecord[] = [];
  r.arr(spec['rules'], 'spec.rules').forEach((rule, i) => {
    const f = `spec.rules[${i}]`;
    const ro: Json = r.obj(rule, f) ?? {};
    const host = r.optStr(ro['host'], `${f}.host`);
    const http = r.obj(ro['http'], `${f}.http`);
    const paths = r.arr(http?.['paths'], `${f}.http.paths`);
    if (paths.length === 0) {
      rules.push({ position: rules.length, namespace, host, path: null, pathType: null, backendService: null, backendPortNumber: null, backendPortName: null, backendResource: null });
      return;
    }
    paths.forEach((p, j) => {
      const pf = `${f}.http.paths[${j}]`;
      const po = r.obj(p, pf) ?? {};
      const b = readBackend(r, po['backend'], `${pf}.backend`);
      rules.push({
        position: rules.length,
        namespace,
        host,
        path: r.optStr(po['path'], `${pf}.path`),
        pathType: r.optStr(po['pathType'], `${pf}.pathType`),
        backendService: b.service,
        backendPortNumber: b.portNumber,
        backendPortName: b.portName,
        backendResource: b.resource,
      });
    });
  });

  const tls: IngressTlsRecord[] = r.arr(spec['tls'], 'spec.tls').map((t, i) => {
    const to = r.obj(t, `spec.tls[${i}]`) ?? {};
    return {
      position: i,
      hosts: r.strList(to['hosts'], `spec.tls[${i}].hosts`),
      secretName: r.optStr(to['secretName'], `spec.tls[${i}].secretName`),
    };
  });

  const record: IngressRecord = {
    namespace,
    name: meta.name,
    uid: meta.uid,
    ingressClassName: r.optStr(spec['ingressClassName'], 'spec.ingressClassName'),
    defaultBackend: spec['defaultBackend'] ? backendJson(readBackend(r, spec['defaultBackend'], 'spec.defaultBackend')) : null,
    loadBalancerIngress: readLoadBalancerIngress(r, status),
    labels: meta.labels,
    annotations: meta.annotations,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
    rules,
    tls,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
