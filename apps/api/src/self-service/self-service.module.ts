import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IngressesModule } from '../catalog/ingresses/ingresses.module.js';
import { RelatedModule } from '../catalog/related/related.module.js';
import { ServicesModule } from '../catalog/services/services.module.js';
import { ClustersModule } from '../clusters/clusters.module.js';
import { SyncModule } from '../sync/sync.module.js';
import { IdempotencyRepository } from './idempotency/idempotency.repository.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { MutationResults } from './mutation-results.js';
import { SelfServiceController } from './self-service.controller.js';
import { SelfServiceResolver } from './self-service.resolver.js';
import { SelfServiceService } from './self-service.service.js';

/** Issue #6: create, change, expose and remove services and ingresses. */
@Module({
  imports: [ClustersModule, SyncModule, ServicesModule, IngressesModule, AuditModule, RelatedModule],
  providers: [SelfServiceService, IdempotencyRepository, IdempotencyService, MutationResults, SelfServiceResolver],
  controllers: [SelfServiceController],
})
export class SelfServiceModule {}
