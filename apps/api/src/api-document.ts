import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OPEN_PATHS } from './auth/auth-gate.js';
import { SESSION_COOKIE } from './auth/cookies.js';
import type { AppConfig } from './config/app-config.js';

/**
 * The REST contract served at /api/docs-json: every route with its parameters, answers
 * and errors (the suite checks each answer its tests receive against it). A bearer
 * token or the dashboard's session cookie is required everywhere except on the routes
 * the auth gate lets through, which say so with an empty `security`.
 */
export function apiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Switchboard API')
    .setDescription('Multi-cluster service catalog for Kubernetes networking. GraphQL lives at /graphql. Errors answer `{ error: { code, message, details } }`.')
    .setVersion(config.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (sbt_…)' }, 'bearer')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'The dashboard session; unsafe methods also need X-CSRF-Token' }, 'session')
    .build();
  const document = SwaggerModule.createDocument(app, { ...builder, security: [{ bearer: [] }, { session: [] }] });
  const open = new Set([...OPEN_PATHS, ...(config.auth.metricsPublic ? ['/metrics'] : [])]);
  for (const [path, item] of Object.entries(document.paths)) {
    if (!open.has(path)) continue;
    for (const op of Object.values(item)) if (op && typeof op === 'object' && 'responses' in op) op.security = [];
  }
  return document;
}
