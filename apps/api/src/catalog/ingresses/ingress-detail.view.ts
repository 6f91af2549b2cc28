import { Injectable } from '@nestjs/common';
import { DiagnosticsService } from '../diagnostics/diagnostics.service.js';
import { RelatedLoadersFactory } from '../related/related-loaders.js';
import { toDiagnosticModels } from '../shared/diagnostic.model.js';
import type { CatalogIngress } from './catalog-ingress.js';
import type { IngressModel } from './dto/ingress.model.js';
import { toIngressModel } from './dto/to-ingress-model.js';
import { IngressesService } from './ingresses.service.js';
import { ingressManifestYaml } from '../shared/mirrored-yaml.js';

/** An ingress as REST returns it: resolved paths, access URLs and diagnostics filled in. */
@Injectable()
export class IngressDetailView {
  constructor(
    private readonly ingresses: IngressesService,
    private readonly loaders: RelatedLoadersFactory,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  /** `detail` adds what only the one-ingress route carries: the YAML. */
  async render(i: CatalogIngress, scope: object, opts: { detail?: boolean } = {}): Promise<IngressModel> {
    const { _source, ...model } = toIngressModel(i);
    const loaders = this.loaders.for(scope);
    const [paths, diagnostics] = await Promise.all([this.ingresses.paths(i, loaders), this.diagnostics.forIngress(i, loaders)]);
    return {
      ...model,
      paths,
      accessUrls: this.ingresses.accessUrls(i),
      diagnostics: toDiagnosticModels(diagnostics),
      ...(opts.detail ? { manifest: ingressManifestYaml(i) } : {}),
    } as IngressModel;
  }
}
