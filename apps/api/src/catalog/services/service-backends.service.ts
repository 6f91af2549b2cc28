import { Injectable } from '@nestjs/common';
import { endpointGaps } from '@switchboard/k8s-model';
import type { RelatedLoaders } from '../related/related-loaders.js';
import type { Protocol } from '../shared/kube-enums.js';
import { serviceManifestYaml } from '../shared/mirrored-yaml.js';
import type { CatalogService } from './catalog-service.js';
import type { PodWithoutEndpointModel, ServiceEndpointModel } from './dto/service-endpoint.model.js';

/** What stands behind a service: its endpoints, the selected pods that are not endpoints, and the object itself. */
@Injectable()
export class ServiceBackendsService {
  /** Every endpoint of every slice of the service, in slice then endpoint order. */
  async endpoints(service: CatalogService, loaders: RelatedLoaders): Promise<ServiceEndpointModel[]> {
    if (service.type === 'ExternalName') return [];
    const slices = await loaders.slices.load({ clusterId: service.clusterId, namespace: service.namespace, name: service.name });
    return slices.flatMap((s) => {
      const ports = s.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol as Protocol, appProtocol: p.appProtocol }));
      return s.endpoints.map((e) => ({
        address: e.address,
        ready: e.ready,
        serving: e.serving,
        terminating: e.terminating,
        pod: e.targetKind === 'Pod' ? e.targetName : null,
        hostname: e.hostname,
        node: e.nodeName,
        zone: e.zone,
        ports,
        slice: s.name,
      }));
    });
  }

  /** Selected pods no slice lists (none for services without a selector). */
  async podsWithoutEndpoint(service: CatalogService, loaders: RelatedLoaders): Promise<PodWithoutEndpointModel[]> {
    if (service.type === 'ExternalName' || !service.selector) return [];
    const key = { clusterId: service.clusterId, namespace: service.namespace, name: service.name };
    const [slices, pods] = await Promise.all([loaders.slices.load(key), loaders.selectedPods.load({ ...key, selector: service.selector })]);
    const gaps = endpointGaps(pods, slices);
    if (!gaps.length) return [];
    const zones = new Map((await loaders.nodes.load(service.clusterId)).map((n) => [n.name, n.zone]));
    return gaps.map(({ pod, reason }) => ({
      name: pod.name,
      ip: pod.podIp,
      phase: pod.phase,
      ready: pod.ready,
      terminating: pod.terminating,
      node: pod.nodeName,
      zone: pod.nodeName ? (zones.get(pod.nodeName) ?? null) : null,
      reason,
    }));
  }

  /** The mirrored object as Kubernetes YAML. */
  manifest(service: CatalogService): string {
    return serviceManifestYaml(service);
  }
}
