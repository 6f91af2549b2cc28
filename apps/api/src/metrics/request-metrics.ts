import { Injectable } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** HTTP requests by route template and status, and GraphQL operations by name. */
@Injectable()
export class RequestMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly operations: Counter<'operation' | 'type' | 'outcome'>;
  private readonly operationDuration: Histogram<'operation' | 'type' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.requests = new Counter({ name: 'switchboard_http_requests_total', help: 'HTTP requests answered, by route template and status', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({ name: 'switchboard_http_request_duration_seconds', help: 'HTTP request duration, by route template and status', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers });
    this.operations = new Counter({ name: 'switchboard_graphql_operations_total', help: 'GraphQL operations, by operation name, type and outcome (ok or error)', labelNames: ['operation', 'type', 'outcome'], registers });
    this.operationDuration = new Histogram({ name: 'switchboard_graphql_operation_duration_seconds', help: 'GraphQL operation duration', labelNames: ['operation', 'type', 'outcome'], buckets: SECONDS, registers });
  }

  /** Express middleware: the route label is the matched template (never an object's name), so the label set stays small. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const path = req.originalUrl.split('?')[0];
      if (path === '/metrics') return;
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : path === '/graphql' ? '/graphql' : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  /** An Apollo plugin: one count and one duration per operation (subscriptions counted when they start). */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = process.hrtime.bigint();
        return {
          willSendResponse: async (ctx) => {
            const labels = { operation: ctx.operationName ?? 'anonymous', type: ctx.operation?.operation ?? 'unknown', outcome: ctx.errors?.length ? 'error' : 'ok' };
            this.operations.inc(labels);
            this.operationDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          },
        };
      },
    };
  }
}
