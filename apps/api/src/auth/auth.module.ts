import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClusterRecordsModule } from '../clusters/cluster-records.module.js';
import { DemoModule } from '../demo/demo.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { OidcService } from './oidc/oidc.service.js';
import { BootstrapAdminService } from './bootstrap/bootstrap-admin.service.js';
import { TokensController } from './tokens/tokens.controller.js';
import { TokensResolver } from './tokens/tokens.resolver.js';
import { TokensService } from './tokens/tokens.service.js';

/** Issue #7: sign-in, API tokens and grants, the first admin. */
@Module({
  imports: [AuditModule, ClusterRecordsModule, DemoModule],
  providers: [AuthService, OidcService, TokensService, TokensResolver, BootstrapAdminService],
  controllers: [AuthController, TokensController],
})
export class AuthModule {}
