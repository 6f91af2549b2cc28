import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { apiDocument } from './api-document.js';
import { AppModule } from './app.module.js';
import { registerAnalyzeBodyParsers } from './connectivity/analyze-body.js';
import { AuthGate } from './auth/auth-gate.js';
import { GracefulShutdown } from './lifecycle/graceful-shutdown.service.js';
import type { AppConfig } from './config/app-config.js';
import { ROOT_LOGGER } from './logging/logging.module.js';
import { requestLogging } from './logging/request-logging.js';
import { RequestMetrics } from './metrics/request-metrics.js';

/** Builds the application (not listening): shared by main.ts and the integration tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Held until the JSON logger below takes over, so even bootstrap lines are JSON.
    bufferLogs: true,
    cors: config.corsOrigins.length ? { origin: [...config.corsOrigins], credentials: true } : false,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // First of all: every request gets its id and its line, refusals by the gate included.
  app.use(requestLogging(app.get(ROOT_LOGGER)));
  app.use(app.get(RequestMetrics).middleware);
  app.use(app.get(GracefulShutdown).middleware);
  const { trustProxy } = config.auth;
  if (trustProxy !== 0) app.set('trust proxy', typeof trustProxy === 'number' ? trustProxy : [...trustProxy]);
  // Before every route, Nest's and Apollo's alike: nothing is reachable unauthenticated by accident.
  app.use(app.get(AuthGate).handle);
  // Any JSON value reaches the routes (not only objects and arrays), so a body of the wrong
  // shape is refused by the service like any other bad input: audited and rate-limited.
  registerAnalyzeBodyParsers(app);
  app.useBodyParser('json', { strict: false });
  app.useBodyParser('urlencoded', { extended: true });
  app.setGlobalPrefix('api/v1', { exclude: ['healthz', 'readyz', 'metrics'] });
  SwaggerModule.setup('api/docs', app, () => apiDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
    // Runs in the browser (serialised into the page): "Try it out" signed in through the
    // dashboard sends the session's CSRF token like the dashboard's own pages do.
    swaggerOptions: {
      requestInterceptor: (req: { headers: Record<string, string> }) => {
        const cookie = (globalThis as unknown as { document?: { cookie: string } }).document?.cookie ?? '';
        const csrf = /(?:^|;\s*)sb_csrf=([^;]+)/.exec(cookie);
        if (csrf) req.headers['X-CSRF-Token'] = decodeURIComponent(csrf[1]!);
        return req;
      },
    },
  });
  return app;
}
