import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClusterRecordsModule } from './cluster-records.module.js';
import { ClusterDirectory } from './cluster-directory.js';
import { IngressClusterResolver, ServiceClusterResolver } from './cluster-links.resolver.js';
import { ClustersController } from './clusters.controller.js';
import { ClustersResolver } from './clusters.resolver.js';
import { ClustersService } from './clusters.service.js';
import { StartupRegistration } from './startup-registration.service.js';

@Module({
  imports: [AuditModule, ClusterRecordsModule],
  providers: [ClusterDirectory, ClustersService, StartupRegistration, ClustersResolver, ServiceClusterResolver, IngressClusterResolver],
  controllers: [ClustersController],
  exports: [ClusterDirectory, ClustersService],
})
export class ClustersModule {}
