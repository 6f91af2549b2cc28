import type { EndpointRecord, EndpointSlicePort, EndpointSliceRecord } from '../catalog-types.js';
import { type Normalized, readMeta } from './meta.js';
import { Reader } from './reader.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function normalizeEndpointSlice(raw: unknown): Normalized<EndpointSliceRecord> {
  const r: Reader = new Reader('EndpointSlice');
  const { o, meta } = readMeta(r, raw, true);
  const ports: EndpointSlicePort[] = r.arr(o['ports'], 'ports').map((p, i) => {
    const po = r.obj(p, `ports[${i}]`) ?? {};
    return {
      name: r.str(po['name'], `ports[${i}].name`) ?? '',
      // null port means "all ports" in the EndpointSlice API.
      port: r.int(po['port'], `ports[${i}].port`),
      protocol: r.optStr(po['protocol'], `ports[${i}].protocol`) ?? 'TCP',
      appProtocol: r.optStr(po['appProtocol'], `ports[${i}].appProtocol`),
    };
  });
  const endpoints: EndpointRecord[] = r.arr(o['endpoints'], 'endpoints').map((e, i) => {
    const f = `endpoints[${i}]`;
    const eo = r.obj(e, f) ?? {};
    const addresses = r.strList(eo['addresses'], `${f}.addresses`);
    if (addresses.length === 0) r.fail(`${f}.addresses`, 'must contain at least one address');
    const c = r.obj(eo['conditions'], `${f}.conditions`) ?? {};
    // API semantics: a nil ready/serving counts as true, a nil terminating as false.
    const ready = r.bool(c['ready'], `${f}.conditions.ready`) ?? true;
    const serving = r.bool(c['serving'], `${f}.conditions.serving`) ?? ready;
    const target = r.obj(eo['targetRef'], `${f}.targetRef`);
    return {
      position: i,
      address: addresses[0]!,
      addresses,
      ready,
      serving,
      terminating: r.bool(c['terminating'], `${f}.conditions.terminating`) ?? false,
      hostname: r.optStr(eo['hostname'], `${f}.hostname`),
      nodeName: r.optStr(eo['nodeName'], `${f}.nodeName`),
      zone: r.optStr(eo['zone'], `${f}.zone`),
      targetKind: r.optStr(target?.['kind'], `${f}.targetRef.kind`),
      targetName: r.optStr(target?.['name'], `${f}.targetRef.name`),
      targetUid: r.optStr(target?.['uid'], `${f}.targetRef.uid`),
    };
  });
  const record: EndpointSliceRecord = {
    namespace: meta.namespace!,
    name: meta.name,
    uid: meta.uid,
    serviceName: meta.labels[SERVICE_NAME_LABEL] || null,
    addressType: r.reqStr(o['addressType'], 'addressType'),
    ports,
    resourceVersion: meta.resourceVersion,
    k8sCreatedAt: meta.k8sCreatedAt,
    endpoints,
  };
  return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
}
