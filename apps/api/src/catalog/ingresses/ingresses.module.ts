import { Module } from '@nestjs/common';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { RelatedModule } from '../related/related.module.js';
import { IngressesController } from './ingresses.controller.js';
import { IngressesRepository } from './ingresses.repository.js';
import { IngressesResolver } from './ingresses.resolver.js';
import { IngressesService } from './ingresses.service.js';

@Module({
  imports: [RelatedModule, DiagnosticsModule],
  providers: [IngressesRepository, IngressesService, IngressesResolver],
  controllers: [IngressesController],
  exports: [IngressesService, IngressesRepository],
})
export class IngressesModule {}
