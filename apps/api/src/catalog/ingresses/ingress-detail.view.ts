import { Injectable } from '@nestjs/common';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { toDiagnosticModels } from '../shared/diagnostic.model.js';
import type { CatalogIngress } from './catalog-ingress.js';
import type { IngressModel } from './dto/ingress.model.js';
import { toIngressModel } from './dto/to-ingress-model.js';
import { IngressesService } from './ingresses.service.js';

/** An ingress as REST returns it: resolved paths, access URLs and diagnostics filled in. */
@Injectable()
export class IngressDetailView {
  constructor(
    private readonly ingresses: IngressesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  async render(i: CatalogIngress, scope: object): Promise<IngressModel> {
    const { _source, ...model } = toIngressModel(i);
    const loaders = this.loaders.for(scope);
    const [paths, diagnostics] = await Promise.all([this.ingresses.paths(i, loaders), this.diagnostics.forIngress(i, loaders)]);
    return { ...model, paths, accessUrls: this.ingresses.accessUrls(i), diagnostics: toDiagnosticModels(diagnostics) } as IngressModel;
  }
}
