import { Module } from '@nestjs/common';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { RelatedModule } from '../related/related.module.js';
import { ServicesController } from './services.controller.js';
import { ServicesRepository } from './services.repository.js';
import { ServicesResolver } from './services.resolver.js';
import { ServicesService } from './services.service.js';

@Module({
  imports: [RelatedModule, DiagnosticsModule],
  providers: [ServicesRepository, ServicesService, ServicesResolver],
  controllers: [ServicesController],
  exports: [ServicesService, ServicesRepository],
})
export class ServicesModule {}
