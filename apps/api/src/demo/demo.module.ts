import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [ClustersModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
