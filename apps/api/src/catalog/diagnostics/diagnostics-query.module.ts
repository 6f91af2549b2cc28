import { Module } from '@nestjs/common';
import { IngressesModule } from '../ingresses/ingresses.module.js';
import { ReachabilityModule } from '../reachability/reachability.module.js';
import { RelatedModule } from '../related/related.module.js';
import { ServicesModule } from '../services/services.module.js';
import { DiagnosticsQueryService } from './diagnostics-query.service.js';
import { DiagnosticsController } from './diagnostics.controller.js';
import { DiagnosticsModule } from './diagnostics.module.js';
import { DiagnosticsResolver } from './diagnostics.resolver.js';

/** The catalog-wide findings list (the per-object fields live with services and ingresses). */
@Module({
  imports: [ServicesModule, IngressesModule, RelatedModule, DiagnosticsModule, ReachabilityModule],
  providers: [DiagnosticsQueryService, DiagnosticsResolver],
  controllers: [DiagnosticsController],
  exports: [DiagnosticsQueryService],
})
export class DiagnosticsQueryModule {}
