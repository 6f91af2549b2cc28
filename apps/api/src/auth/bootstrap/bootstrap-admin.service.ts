import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DatabaseService } from '../../database/database.service.js';
import { DemoService } from '../../demo/demo.service.js';
import { TokensRepository } from '../tokens/tokens.repository.js';
import { TokensService } from '../tokens/tokens.service.js';

const DEMO_LOGIN_HOURS = 24;

/**
 * Makes sure someone can sign in on a fresh installation, without a default password:
 * SWITCHBOARD_ADMIN_TOKEN when configured; otherwise an admin token generated at the
 * first start and printed once. Demo mode prints a fresh, day-long login link on
 * every start (revoking the previous one), since a demo is meant to be clicked into.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');
  private done: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: DatabaseService,
    private readonly demo: DemoService,
    private readonly tokens: TokensService,
    private readonly repo: TokensRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'sync') return;
    this.done = this.database
      .whenReady()
      .then(() => this.demo.whenStarted())
      .then(() => this.ensureAdmin())
      .catch((err) => this.logger.error(`could not set up the first admin: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** For tests. */
  whenDone(): Promise<void> {
    return this.done;
  }

  private async ensureAdmin(): Promise<void> {
    if (this.config.auth.adminToken) {
      this.logger.log('Admin access: the token in SWITCHBOARD_ADMIN_TOKEN (not stored in the database).');
      return;
    }
    const now = new Date();
    if (this.demo.isActive()) {
      await this.repo.revokeCreatedBy('demo', now);
      const { token } = await this.tokens.issue({ name: 'demo login', role: 'admin', readScope: 'ALL', grants: [], createdBy: 'demo', expiresAt: new Date(now.getTime() + DEMO_LOGIN_HOURS * 3_600_000) });
      this.print([
        `Demo login (admin, valid ${DEMO_LOGIN_HOURS} h, replaced at every start):`,
        `  ${this.loginLink(token)}`,
        `  API: Authorization: Bearer ${token}`,
      ]);
      return;
    }
    if ((await this.repo.countActiveAdmins(now)) > 0) return;
    const { token } = await this.tokens.issue({ name: 'bootstrap admin', role: 'admin', readScope: 'ALL', grants: [], createdBy: 'bootstrap', expiresAt: null });
    this.print([
      'No admin token existed, so one was created. It is shown this once and stored only as a hash:',
      `  ${token}`,
      `  sign in: ${this.loginLink(token)}`,
      'Create personal tokens with it (POST /api/v1/tokens), then revoke it; or set SWITCHBOARD_ADMIN_TOKEN instead.',
    ]);
  }

  /** The token travels in the fragment, which browsers never send to a server or a log. */
  private loginLink(token: string): string {
    // Unset: the dashboard's default address (`npm start` always sets it).
    const base = this.config.auth.dashboardUrl ?? 'http://localhost:3000';
    return `${base}/login#token=${token}`;
  }

  /** Straight to stdout, once, framed so it is found in a busy log; never through LOG_LEVEL filtering. */
  private print(lines: string[]): void {
    const bar = '='.repeat(78);
    process.stdout.write(`\n${bar}\n${lines.join('\n')}\n${bar}\n\n`);
  }
}
