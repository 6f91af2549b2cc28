import { Injectable } from '@nestjs/common';
import { IngressDetailView } from '../catalog/ingresses/ingress-detail.view.js';
import { IngressesService } from '../catalog/ingresses/ingresses.service.js';
import { toIngressModel } from '../catalog/ingresses/dto/to-ingress-model.js';
import { ServiceDetailView } from '../catalog/services/service-detail.view.js';
import { ServicesService } from '../catalog/services/services.service.js';
import { toServiceModel } from '../catalog/services/dto/to-service-model.js';
import type { CatalogService } from '../catalog/services/catalog-service.js';
import { RelatedLoadersFactory } from '../catalog/related/related-loaders.js';
import type { AccessUrl } from '../catalog/shared/access-url.model.js';
import { DomainError } from '../errors/domain-error.js';
import type { ChangeActionEnum, IngressMutationResult, ServiceMutationResult } from './dto/mutation-result.model.js';
import type { MutationOutcome } from './mutation-outcome.js';
import type { Caller } from '../auth/caller.js';

/**
 * Turns a mutation's outcome into its answer: the object read back from the catalog
 * (written through on success), so the caller immediately sees where it is reachable.
 * `scope` given → the REST shape with URLs and diagnostics filled in; otherwise the
 * GraphQL model whose fields resolve on demand.
 */
@Injectable()
export class MutationResults {
  constructor(
    private readonly services: ServicesService,
    private readonly ingresses: IngressesService,
    private readonly serviceDetail: ServiceDetailView,
    private readonly ingressDetail: IngressDetailView,
    private readonly loaders: RelatedLoadersFactory,
  ) {}

  async service(caller: Caller, o: MutationOutcome, scope?: object): Promise<ServiceMutationResult> {
    const found = this.shows(o) ? await orNull(this.services.get(caller, o.cluster, o.namespace, o.name)) : null;
    const service = found ? (scope ? await this.serviceDetail.render(found, scope) : toServiceModel(found)) : null;
    return { ...base(o), service, plannedAccessUrls: await this.plannedUrls(o, scope) };
  }

  async ingress(caller: Caller, o: MutationOutcome, scope?: object): Promise<IngressMutationResult> {
    const found = this.shows(o) ? await orNull(this.ingresses.get(caller, o.cluster, o.namespace, o.name)) : null;
    const ingress = found ? (scope ? await this.ingressDetail.render(found, scope) : toIngressModel(found)) : null;
    return { ...base(o), ingress };
  }

  /** Where a dry-run service will be reachable: the same URL rules, over the cluster's dry-run answer and the mirrored nodes and ingresses. */
  private async plannedUrls(o: MutationOutcome, scope?: object): Promise<AccessUrl[]> {
    if (!o.dryRun || !o.planned) return [];
    const { clusterId, clusterDomain, service } = o.planned;
    const planned: CatalogService = { ...service, id: '', clusterId, clusterName: o.cluster, clusterDomain, syncedAt: new Date().toISOString(), endpointCounts: { ready: 0, total: 0 } };
    const urls = (await this.services.accessUrls(planned, this.loaders.for(scope ?? {}))) as AccessUrl[];
    if (!o.planned.creates) return urls;
    // A dry run allocates addresses it does not keep: say which ones the real create will choose anew.
    const example = (u: AccessUrl) => u.via === 'CLUSTER_IP' || (u.via === 'NODE_PORT' && !o.planned!.fixedNodePorts.includes(u.port ?? -1));
    return urls.map((u) => (example(u) ? { ...u, note: `${u.note ? `${u.note}; ` : ''}example address: the cluster allocates the real ${u.via === 'CLUSTER_IP' ? 'cluster IP' : 'node port'} when the service is created` } : u));
  }

  private shows(o: MutationOutcome): boolean {
    return !o.dryRun && !o.deleted;
  }
}

function base(o: MutationOutcome) {
  return {
    dryRun: o.dryRun,
    replayed: o.replayed,
    deleted: o.deleted,
    changes: o.changes.map((c) => ({ ...c, action: c.action as ChangeActionEnum })),
    notes: o.notes,
  };
}

/** Not in the catalog (yet, or any more): the answer says so with null, not an error. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}
