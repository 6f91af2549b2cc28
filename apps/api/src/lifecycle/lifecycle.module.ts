import { Global, Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module.js';
import { GracefulShutdown } from './graceful-shutdown.service.js';

/** How the process stops (see GracefulShutdown); global because /readyz and main.ts ask it. */
@Global()
@Module({
  imports: [SyncModule],
  providers: [GracefulShutdown],
  exports: [GracefulShutdown],
})
export class LifecycleModule {}
