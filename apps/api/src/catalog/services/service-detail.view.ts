import { Injectable } from '@nestjs/common';
import { primaryAccessUrl } from '@switchboard/k8s-model';
import type { HealthEnum } from '../service-groups/dto/service-group.model.js';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import type { AccessUrl } from '../shared/access-url.model.js';
import { toDiagnosticModels } from '../shared/diagnostic.model.js';
import type { CatalogService } from './catalog-service.js';
import type { ServiceModel } from './dto/service.model.js';
import { toServiceModel } from './dto/to-service-model.js';
import { ServicesService } from './services.service.js';
import { ServiceBackendsService } from './service-backends.service.js';

/** A service as REST returns it: the model with its access URLs and diagnostics filled in. */
@Injectable()
export class ServiceDetailView {
  constructor(
    private readonly services: ServicesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly diagnostics: DiagnosticsService,
    private readonly backends: ServiceBackendsService,
  ) {}

  /**
   * `scope` keys the per-request DataLoaders (the request object). `detail` adds what
   * only the one-service route carries: endpoints, pods without endpoint, the YAML.
   */
  async render(s: CatalogService, scope: object, opts: { detail?: boolean } = {}): Promise<ServiceModel> {
    const loaders = this.loaders.for(scope);
    const [accessUrls, diagnostics, endpoints, podsWithoutEndpoint] = await Promise.all([
      this.services.accessUrls(s, loaders),
      this.diagnostics.forService(s, loaders),
      opts.detail ? this.backends.endpoints(s, loaders) : undefined,
      opts.detail ? this.backends.podsWithoutEndpoint(s, loaders) : undefined,
    ]);
    const { _source, ...model } = toServiceModel(s);
    return {
      ...model,
      accessUrls: accessUrls as AccessUrl[],
      primaryAccessUrl: primaryAccessUrl(accessUrls) as AccessUrl | null,
      health: this.services.health(s, diagnostics) as HealthEnum,
      diagnostics: toDiagnosticModels(diagnostics),
      ...(opts.detail ? { endpoints, podsWithoutEndpoint, manifest: this.backends.manifest(s) } : {}),
    } as ServiceModel;
  }
}
