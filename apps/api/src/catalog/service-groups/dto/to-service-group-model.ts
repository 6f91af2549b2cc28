import { toGlobalId } from '@switchboard/k8s-model';
import { toServiceModel } from '../../services/dto/to-service-model.js';
import type { CatalogServiceGroup } from '../service-groups.service.js';
import { HealthEnum, type ServiceGroupModel } from './service-group.model.js';

export function toServiceGroupModel(g: CatalogServiceGroup): ServiceGroupModel {
  return {
    id: toGlobalId('ServiceGroup', `${g.namespace}/${g.name}`),
    namespace: g.namespace,
    name: g.name,
    clusters: g.clusters,
    types: g.types,
    consistent: g.consistent,
    health: HealthEnum[g.health],
    readyEndpoints: g.readyEndpoints,
    totalEndpoints: g.totalEndpoints,
    members: g.members.map((m) => ({
      cluster: m.cluster,
      health: HealthEnum[m.health],
      service: toServiceModel(g.sources.get(`${m.cluster}/${m.service.namespace}/${m.service.name}`)!),
    })),
  };
}
