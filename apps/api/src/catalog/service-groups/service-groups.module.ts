import { Module } from '@nestjs/common';
import { DiagnosticsModule } from '../diagnostics/diagnostics.module.js';
import { RelatedModule } from '../related/related.module.js';
import { ServicesModule } from '../services/services.module.js';
import { ServiceGroupsController } from './service-groups.controller.js';
import { ServiceGroupFieldResolver, ServiceGroupsResolver } from './service-groups.resolver.js';
import { ServiceGroupsService } from './service-groups.service.js';

@Module({
  imports: [ServicesModule, RelatedModule, DiagnosticsModule],
  providers: [ServiceGroupsService, ServiceGroupsResolver, ServiceGroupFieldResolver],
  controllers: [ServiceGroupsController],
})
export class ServiceGroupsModule {}
