import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { CatalogWriterRepository } from './catalog-writer.repository.js';
import { LeaseRepository } from './lease.repository.js';
import { SyncMetrics } from './sync-metrics.js';
import { SyncStateRepository } from './sync-state.repository.js';
import { SyncSupervisor } from './sync-supervisor.service.js';

@Module({
  imports: [ClustersModule],
  providers: [CatalogWriterRepository, LeaseRepository, SyncStateRepository, SyncMetrics, SyncSupervisor],
  exports: [SyncSupervisor, CatalogWriterRepository],
})
export class SyncModule {}
