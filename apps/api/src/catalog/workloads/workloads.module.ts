import { Module } from '@nestjs/common';
import { WorkloadsController } from './workloads.controller.js';
import { WorkloadsRepository } from './workloads.repository.js';
import { WorkloadsResolver } from './workloads.resolver.js';
import { WorkloadsService } from './workloads.service.js';

@Module({
  providers: [WorkloadsRepository, WorkloadsService, WorkloadsResolver],
  controllers: [WorkloadsController],
  exports: [WorkloadsService],
})
export class WorkloadsModule {}
