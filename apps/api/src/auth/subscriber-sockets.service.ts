import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { WebSocket } from 'ws';
import { DatabaseService } from '../database/database.service.js';
import type { Caller } from './caller.js';

/** Close codes of a subscription socket whose credentials ended (graphql-ws reserves 4400–4499 for such reasons). */
export const SOCKET_CLOSE = {
  /** The token or session expired: sign in again (graphql-ws clients do not retry 4401). */
  expired: 4401,
  /** The token was revoked or the session signed out. */
  revoked: 4403,
  /** The replica is shutting down: reconnect (graphql-ws clients retry it; a balancer picks another replica). */
  restart: 1012,
} as const;

/** Carries revocations to every replica: each closes the sockets it authenticated. */
const CHANNEL = 'switchboard_revocations';
/** setTimeout's longest delay; later expiries re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

type Revocation = { tokenId?: string; sessionId?: string };

interface Tracked {
  caller: Caller;
  timer?: NodeJS.Timeout;
}

/**
 * The open GraphQL subscription sockets and who opened them. A socket lives only as
 * long as its credentials: it is closed when its token or session expires, and when
 * either is revoked on any replica.
 */
@Injectable()
export class SubscriberSockets implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private readonly open = new Map<WebSocket, Tracked>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly database: DatabaseService) {}

  onApplicationBootstrap(): void {
    void this.database
      .listen(CHANNEL, (payload) => this.fromPeer(payload))
      .then((unlisten) => (this.unlisten = unlisten))
      .catch((err) => this.logger.warn(`not listening for revocations: ${err instanceof Error ? err.message : String(err)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unlisten?.().catch(() => undefined);
    for (const t of this.open.values()) clearTimeout(t.timer);
  }

  /** A socket whose handshake authenticated `caller`. */
  /** Sockets open on this replica (for /metrics). */
  openCount(): number {
    return this.open.size;
  }

  track(socket: WebSocket, caller: Caller): void {
    const tracked: Tracked = { caller };
    this.open.set(socket, tracked);
    socket.once('close', () => {
      clearTimeout(tracked.timer);
      this.open.delete(socket);
    });
    const ends = [caller.expiresAt, caller.session?.expiresAt].filter((t): t is string => !!t).map((t) => Date.parse(t));
    if (ends.length) this.closeAt(socket, tracked, Math.min(...ends));
  }

  /** After a revocation has committed: this replica's sockets of it close now, the others' on their NOTIFY. */
  async revoked(r: Revocation): Promise<void> {
    this.close(r);
    await this.database.notify(CHANNEL, JSON.stringify(r)).catch((err) => this.logger.warn(`could not tell the other replicas of a revocation: ${err instanceof Error ? err.message : String(err)}`));
  }

  /** Every socket of this replica, e.g. when it shuts down. */
  closeAll(code: number, reason: string): void {
    for (const socket of this.open.keys()) socket.close(code, reason);
  }

  private closeAt(socket: WebSocket, tracked: Tracked, at: number): void {
    const delay = at - Date.now();
    tracked.timer = setTimeout(() => {
      if (Date.now() < at) return this.closeAt(socket, tracked, at);
      const what = tracked.caller.session && Date.parse(tracked.caller.session.expiresAt) <= at ? 'session' : 'token';
      socket.close(SOCKET_CLOSE.expired, `the ${what} expired`);
    }, Math.max(0, Math.min(delay, MAX_DELAY_MS)));
    tracked.timer.unref();
  }

  private close(r: Revocation): void {
    for (const [socket, { caller }] of this.open) {
      if (r.tokenId && caller.tokenId === r.tokenId) socket.close(SOCKET_CLOSE.revoked, 'the token was revoked');
      else if (r.sessionId && caller.session?.id === r.sessionId) socket.close(SOCKET_CLOSE.revoked, 'the session was signed out');
    }
  }

  private fromPeer(payload: string): void {
    try {
      const r = JSON.parse(payload) as Revocation;
      this.close({ tokenId: typeof r.tokenId === 'string' ? r.tokenId : undefined, sessionId: typeof r.sessionId === 'string' ? r.sessionId : undefined });
    } catch {
      this.logger.warn('ignored an unreadable revocation notice');
    }
  }
}
