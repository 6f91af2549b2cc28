import { Module } from '@nestjs/common';
import { ServiceDetailView } from './service-detail.view.js';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { RelatedModule } from '../related/related.module.js';
import { ServicesController } from './services.controller.js';
import { ServicesRepository } from './services.repository.js';
import { ServicesResolver } from './services.resolver.js';
import { ServicesService } from './services.service.js';
import { ServiceBackendsResolver } from './service-backends.resolver.js';
import { ServiceBackendsService } from './service-backends.service.js';

@Module({
  imports: [RelatedModule, DiagnosticsModule],
  providers: [ServiceDetailView, ServicesRepository, ServicesService, ServicesResolver, ServiceBackendsService, ServiceBackendsResolver],
  controllers: [ServicesController],
  exports: [ServiceDetailView, ServicesService, ServicesRepository],
})
export class ServicesModule {}
