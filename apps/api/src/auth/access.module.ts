import { Global, Module } from '@nestjs/common';
import { ClusterRecordsModule } from '../clusters/cluster-records.module.js';
import { AccessPolicy } from './access-policy.service.js';
import { AuthGate } from './auth-gate.js';
import { Authenticator } from './authenticator.service.js';
import { RateLimits } from './rate-limits.service.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { SubscriberSockets } from './subscriber-sockets.service.js';
import { TokensRepository } from './tokens/tokens.repository.js';

/** Who is calling and what they may do: needed by every feature, so global. */
@Global()
@Module({
  imports: [ClusterRecordsModule],
  providers: [AccessPolicy, Authenticator, AuthGate, RateLimits, SessionsRepository, SessionsService, SubscriberSockets, TokensRepository],
  exports: [AccessPolicy, Authenticator, AuthGate, RateLimits, SessionsService, SubscriberSockets, TokensRepository],
})
export class AccessModule {}
