import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** The audit log (issue #7): written by every mutation, read by admins, never changed. */
@Module({
  providers: [AuditRepository, AuditService, AuditResolver],
  controllers: [AuditController],
  exports: [AuditService],
})
export class AuditModule {}
