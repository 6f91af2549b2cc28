import { Injectable } from '@nestjs/common';
import {
  DEFAULT_LOAD_BALANCER_PENDING_SECONDS,
  type Diagnostic,
  diagnoseDuplicateHostPaths,
  diagnoseIngress,
  diagnoseService,
  type IngressRecord,
  parseInClusterServiceName,
  type ServiceRecord,
} from '@switchboard/k8s-model';
import type { CatalogIngress } from '../ingresses/catalog-ingress.js';
import type { RelatedLoaders } from '../related/related-loaders.js';
import type { ServiceShape } from '../related/related-objects.repository.js';
import type { CatalogService } from '../services/catalog-service.js';

/** A referenced service reduced to what the checks read (namespace, name, type, ports). */
function shapeRecord(namespace: string, name: string, shape: ServiceShape): ServiceRecord {
  return {
    namespace,
    name,
    type: shape.type as ServiceRecord['type'],
    ports: shape.ports.map((p, position) => ({ position, name: p.name, port: p.port, protocol: 'TCP', targetPort: String(p.port), nodePort: null, appProtocol: null })),
  } as ServiceRecord;
}

/**
 * Findings for one object, computed by libs/k8s-model from exactly the mirrored
 * objects the rule needs, loaded in batches (one query per kind per request).
 */
@Injectable()
export class DiagnosticsService {
  async forService(service: CatalogService, loaders: RelatedLoaders, now = new Date()): Promise<Diagnostic[]> {
    const key = { clusterId: service.clusterId, namespace: service.namespace, name: service.name };
    const checksEndpoints = service.selector !== null && service.type !== 'ExternalName';
    // The row's endpoint counts say already whether pods are needed, so slices and
    // pods load in the same batch as every other service's (one query each per request).
    const needsPods = checksEndpoints && service.endpointCounts.ready === 0;
    const [endpointSlices, pods] = await Promise.all([
      checksEndpoints ? loaders.slices.load(key) : [],
      needsPods ? loaders.selectedPods.load({ ...key, selector: service.selector! }) : [],
    ]);
    const services: ServiceRecord[] = [];
    if (service.type === 'ExternalName' && service.externalName) {
      const target = parseInClusterServiceName(service.externalName, service.clusterDomain);
      const shape = target ? await loaders.servicePorts.load({ clusterId: service.clusterId, ...target }) : null;
      if (target && shape) services.push(shapeRecord(target.namespace, target.name, shape));
    }
    return diagnoseService(
      service,
      { cluster: service.clusterName, clusterDomain: service.clusterDomain, pods, endpointSlices, services },
      { now, loadBalancerPendingSeconds: DEFAULT_LOAD_BALANCER_PENDING_SECONDS },
    );
  }

  async forIngress(ingress: CatalogIngress, loaders: RelatedLoaders): Promise<Diagnostic[]> {
    const names = new Set(ingress.rules.flatMap((r) => (r.backendService ? [r.backendService] : [])));
    const db = ingress.defaultBackend;
    if (db && 'service' in db) names.add(db.service.name);
    const services: ServiceRecord[] = [];
    for (const name of names) {
      const shape = await loaders.servicePorts.load({ clusterId: ingress.clusterId, namespace: ingress.namespace, name });
      if (shape) services.push(shapeRecord(ingress.namespace, name, shape));
    }
    const own = diagnoseIngress(ingress, { cluster: ingress.clusterName, services });

    // Duplicate host+path: every claim on this ingress' host+paths, in any cluster.
    const pairs = ingress.rules.filter((r) => r.host !== null).map((r) => ({ host: r.host!, path: r.path }));
    const claims = (await Promise.all(pairs.map((p) => loaders.hostPathClaims.load(p)))).flat();
    const byIngress = new Map<string, { cluster: string; ingresses: IngressRecord[] }>();
    for (const c of claims) {
      const entry = byIngress.get(c.clusterName) ?? { cluster: c.clusterName, ingresses: [] };
      let rec = entry.ingresses.find((i) => i.namespace === c.namespace && i.name === c.name);
      if (!rec) {
        rec = { namespace: c.namespace, name: c.name, rules: [] } as unknown as IngressRecord;
        entry.ingresses.push(rec);
      }
      rec.rules.push({ host: c.host, path: c.path, backendService: c.backendService, backendResource: c.backendResource } as IngressRecord['rules'][number]);
      byIngress.set(c.clusterName, entry);
    }
    const duplicates = diagnoseDuplicateHostPaths([...byIngress.values()]).filter(
      (d) => d.object.cluster === ingress.clusterName && d.object.namespace === ingress.namespace && d.object.name === ingress.name,
    );
    return [...own, ...duplicates];
  }
}
