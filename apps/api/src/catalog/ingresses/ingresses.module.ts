import { Module } from '@nestjs/common';
import { IngressDetailView } from './ingress-detail.view.js';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { RelatedModule } from '../related/related.module.js';
import { IngressesController } from './ingresses.controller.js';
import { IngressesRepository } from './ingresses.repository.js';
import { IngressesResolver } from './ingresses.resolver.js';
import { IngressesService } from './ingresses.service.js';
import { IngressManifestResolver } from './ingress-manifest.resolver.js';

@Module({
  imports: [RelatedModule, DiagnosticsModule],
  providers: [IngressDetailView, IngressesRepository, IngressesService, IngressesResolver, IngressManifestResolver],
  controllers: [IngressesController],
  exports: [IngressDetailView, IngressesService, IngressesRepository],
})
export class IngressesModule {}
