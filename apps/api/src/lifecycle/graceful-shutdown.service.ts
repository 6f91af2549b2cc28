import type { Server } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { SOCKET_CLOSE, SubscriberSockets } from '../auth/subscriber-sockets.service.js';
import { SyncSupervisor } from '../sync/sync-supervisor.service.js';

/** In-flight requests get this long to finish; under Kubernetes' default 30 s grace period. */
const DRAIN_LIMIT_MS = 20_000;

/**
 * SIGTERM without dropping anything: the replica leaves the load balancer, hands its
 * clusters to another sync replica at once (leases released, not left to expire),
 * tells subscribers to reconnect elsewhere, and lets the requests it accepted finish.
 * main.ts runs it before app.close(), which then only has idle things left to close.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  private idle: (() => void) | undefined;
  private running: Promise<void> | undefined;
  /** True from the signal on: /readyz answers 503 and responses close their connection. */
  draining = false;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly sockets: SubscriberSockets,
    private readonly sync: SyncSupervisor,
  ) {}

  /** Counts the requests in flight; while draining, no connection is kept alive for another one. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    this.inFlight++;
    if (this.draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      if (--this.inFlight === 0) this.idle?.();
    });
    next();
  };

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** Idempotent: a second signal waits for the first drain. */
  run(signal: string): Promise<void> {
    this.running ??= this.drain(signal);
    return this.running;
  }

  private async drain(signal: string): Promise<void> {
    const started = Date.now();
    this.draining = true;
    this.logger.log(`${signal}: draining (no new connections, ${this.inFlight} request(s) in flight, ${this.sockets.openCount()} subscription(s))`);
    // New connections are refused from now on, so the load balancer sends them to another replica;
    // idle kept-alive connections are closed (Node closes them in close()).
    const server = this.adapter.httpAdapter?.getHttpServer() as Server | undefined;
    if (server?.listening) server.close();
    // 1012 "service restart": graphql-ws clients reconnect (to another replica behind the balancer).
    this.sockets.closeAll(SOCKET_CLOSE.restart, 'service restart: reconnect');
    const sync = this.sync.stop().then(() => this.logger.log(`sync stopped and leases released after ${Date.now() - started} ms`));
    await Promise.all([sync, this.requestsFinished()]);
    this.logger.log(`drained in ${Date.now() - started} ms`);
  }

  private requestsFinished(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(`${this.inFlight} request(s) still running after ${DRAIN_LIMIT_MS / 1000} s; closing anyway`);
        resolve();
      }, DRAIN_LIMIT_MS);
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
