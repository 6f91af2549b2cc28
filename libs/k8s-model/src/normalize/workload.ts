import type { WorkloadKind, WorkloadRecord } from '../catalog-types.js';
import { readLabelSelector } from './label-selector.js';
import { type Normalized, readMeta } from './meta.js';
import { type Json, Reader } from './reader.js';

/** The normaliser of one workload kind: the fields every workload kind shares, read where that kind keeps them. */
export function workloadNormalizer(kind: WorkloadKind): (raw: unknown) => Normalized<WorkloadRecord> {
  return (raw) => {
    const r: Reader = new Reader(kind);
    const { o, meta } = readMeta(r, raw, true);
    const spec = r.obj(o['spec'], 'spec') ?? {};
    // A CronJob's pods come from its jobTemplate's pod template.
    const jobSpec = kind === 'CronJob' ? (r.obj(r.obj(spec['jobTemplate'], 'spec.jobTemplate')?.['spec'], 'spec.jobTemplate.spec') ?? {}) : spec;
    const at = kind === 'CronJob' ? 'spec.jobTemplate.spec' : 'spec';
    const template: Json = r.obj(jobSpec['template'], `${at}.template`) ?? {};
    const templateMeta = r.obj(template['metadata'], `${at}.template.metadata`);
    const selector =
      kind === 'ReplicationController'
        ? spec['selector'] === undefined || spec['selector'] === null
          ? null
          : { matchLabels: r.strMap(spec['selector'], 'spec.selector'), matchExpressions: [] }
        : readLabelSelector(r, jobSpec['selector'], `${at}.selector`);
    let replicas: number | null = null;
    if (kind === 'Job') replicas = r.int(spec['parallelism'], 'spec.parallelism');
    else if (kind !== 'DaemonSet' && kind !== 'CronJob') replicas = r.int(spec['replicas'], 'spec.replicas');
    const owner = meta.ownerReferences.find((ref) => ref['controller'] === true);
    const record: WorkloadRecord = {
      kind,
      namespace: meta.namespace!,
      name: meta.name,
      uid: meta.uid,
      ownerKind: owner ? r.optStr(owner['kind'], 'metadata.ownerReferences[].kind') : null,
      ownerName: owner ? r.optStr(owner['name'], 'metadata.ownerReferences[].name') : null,
      ownerUid: owner ? r.optStr(owner['uid'], 'metadata.ownerReferences[].uid') : null,
      selector,
      templateLabels: r.strMap(templateMeta?.['labels'], `${at}.template.metadata.labels`),
      replicas,
      labels: meta.labels,
      resourceVersion: meta.resourceVersion,
      k8sCreatedAt: meta.k8sCreatedAt,
    };
    return { uid: meta.uid, resourceVersion: meta.resourceVersion, record };
  };
}
