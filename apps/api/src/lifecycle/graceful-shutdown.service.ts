import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { SOCKET_CLOSE, SubscriberSockets } from '../auth/subscriber-sockets.service.js';
import { SyncSupervisor } from '../sync/sync-supervisor.service.js';

/** In-flight requests get this long to finish; under Kubernetes' default 30 s grace period. */
const DRAIN_LIMIT_MS = 20_000;
/** A connection accepted just before the listener closed gets this long to send its request. */
const FRESH_LIMIT_MS = 2_000;

/**
 * SIGTERM without dropping anything: the replica leaves the load balancer, hands its
 * clusters to another sync replica at once (leases released, not left to expire),
 * tells subscribers to reconnect elsewhere, and lets the requests it accepted finish.
 * main.ts runs it before app.close(), which then only has idle things left to close.
 */
@Injectable()
export class GracefulShutdown implements OnApplicationBootstrap {
  private readonly logger = new Logger('Shutdown');
  private inFlight = 0;
  /** Connections accepted that have not sent a request yet: closing them would cut a request on its way. */
  private readonly fresh = new Set<Socket>();
  private freshDeadline = Infinity;
  private settled: (() => void) | undefined;
  private running: Promise<void> | undefined;
  /** True from the signal on: /readyz answers 503 and responses close their connection. */
  draining = false;

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly sockets: SubscriberSockets,
    private readonly sync: SyncSupervisor,
  ) {}

  onApplicationBootstrap(): void {
    this.server()?.on('connection', (socket: Socket) => {
      this.fresh.add(socket);
      socket.once('close', () => {
        this.fresh.delete(socket);
        this.check();
      });
    });
  }

  /** Counts the requests in flight; while draining, no connection is kept alive for another one. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    this.inFlight++;
    this.fresh.delete(req.socket);
    if (this.draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      this.inFlight--;
      this.check();
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
    // New connections are refused from now on, so the load balancer sends them to another replica.
    // Only the listener: http.Server#close() would also drop accepted connections whose request
    // has not arrived yet. Idle kept-alive connections are closed by app.close() afterwards.
    const server = this.server();
    if (server?.listening) NetServer.prototype.close.call(server);
    this.freshDeadline = Date.now() + FRESH_LIMIT_MS;
    // 1012 "service restart": graphql-ws clients reconnect (to another replica behind the balancer).
    this.sockets.closeAll(SOCKET_CLOSE.restart, 'service restart: reconnect');
    const sync = this.sync.stop().then(() => this.logger.log(`sync stopped and leases released after ${Date.now() - started} ms`));
    await Promise.all([sync, this.requestsFinished()]);
    this.logger.log(`drained in ${Date.now() - started} ms`);
  }

  private server(): Server | undefined {
    return this.adapter.httpAdapter?.getHttpServer() as Server | undefined;
  }

  /** Every accepted request answered, and every connection accepted before the close has sent its request (or had its chance). */
  private requestsFinished(): Promise<void> {
    return new Promise((resolve) => {
      const limit = setTimeout(() => {
        this.logger.warn(`${this.inFlight} request(s) still running after ${DRAIN_LIMIT_MS / 1000} s; closing anyway`);
        done();
      }, DRAIN_LIMIT_MS);
      const fresh = setTimeout(() => this.check(), FRESH_LIMIT_MS);
      const done = () => {
        clearTimeout(limit);
        clearTimeout(fresh);
        this.settled = undefined;
        resolve();
      };
      this.settled = done;
      this.check();
    });
  }

  private check(): void {
    if (!this.settled || this.inFlight > 0) return;
    if (this.fresh.size === 0 || Date.now() >= this.freshDeadline) this.settled();
  }
}
