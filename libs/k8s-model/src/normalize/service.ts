import { SERVICE_TYPES, type ServicePortRecord, type ServiceRecord, type ServiceType } from '../catalog-types.js';
import { type Normalized, readLoadBalancerIngress, readMeta } from './meta.js';
import { Reader } from './reader.js';

export function normalizeService(raw: unknown): Normalized<ServiceRecord> {
  const r: Reader = new Reader('Service');
  const { o, meta } = readMeta(r, raw, true);
  const spec = r.obj(o['spec'], 'spec') ?? {};
  const status = r.obj(o['status'], 'status');

  const typeRaw = r.optStr(spec['type'], 'spec.type') ?? 'ClusterIP';
  if (!(SERVICE_TYPES as readonly string[]).includes(typeRaw)) {
    r.fail('spec.type', `unsupported value ${JSON.stringify(typeRaw)}, expected one of ${SERVICE_TYPES.join(', ')}`);
  }
  const type = typeRaw as ServiceType;

  const ports: ServicePortRecord[] = r.arr(spec['ports'], 'spec.ports').map((p, i) => {
    const f = `spec.ports[${i}]`;
    const po = r.obj(p, f) ?? {};
    const port = r.reqInt(po['port'], `${f}.port`);
    const tp = po['targetPort'];
    let targetPort: string;
    if (tp === undefined || tp === null || tp === '' || tp === 0) targetPort = String(port); // API default: targetPort = port
    else if (typeof tp === 'number' && Number.isInteger(tp)) targetPort = String(tp);
    else if (typeof tp === 'string') targetPort = tp;
    else r.fail(`${f}.targetPort`, `expected an integer or a string, got ${JSON.stringify(tp)}`);
    return {
      position: i,
      name: r.str(po['name'], `${f}.name`) ?? '',
      protocol: r.optStr(po['protocol'], `${f}.protocol`) ?? 'TCP',
      port,
      targetPort,
      // 0 means "not allocated" in some clients' serialisation.
      nodePort: r.int(po['nodePort'], `${f}.nodePort`) || null,
      appProtocol: r.optStr(po['appProtocol'], `${f}.appProtocol`),
    };
  });

  const clusterIp = r.optStr(spec['clusterIP'], 'spec.clusterIP');
  const clusterIps = r.strList(spec['clusterIPs'], 'spec.clusterIPs');
  if (clusterIps.length === 0 && clusterIp) clusterIps.push(clusterIp);
  const selector = r.strMap(spec['selector'], 'spec.selector');

  const record: ServiceRecord = {
    namespace: meta.namespace!,
    name: meta.name,
    uid: meta.uid,
    type,
    headless: clusterIp === 'None',
    clusterIp,
    clusterIps,
    externalIps: r.strList(spec['externalIPs'], 'spec.externalIPs'),
    externalName: r.optStr(spec['externalName'], 'spec.externalName'),
    // An empty selector means "endpoints managed elsewhere", the same as none.
    selector: Object.keys(selector).length ? selector : null,
    sessionAffinity: r.optStr(spec['sessionAffinity'], 'spec.sessionAffinity'),
    externalTrafficPolicy: r.optStr(spec['externalTrafficPolicy'], 'spec.externalTrafficPolicy'),
    internalTrafficPolicy: r.optStr(spec['internalTrafficPolicy'], 'spec.internalTrafficPolicy'),
    publishNotReadyAddresses: r.bool(spec['publishNotReadyAddresses'], 'spec.publishNotReadyAddresses') ?? false,
    loadBalancerClass: r.optStr(spec['loadBalancerClass'], 'spec.loadBalancerClass'),
    loadBalancerIngress: readLoadBalancerIngress(r, status),
    labels: meta.labels,
    annotations: meta.annotations,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
    ports,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
