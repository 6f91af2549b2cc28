import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';

export const ANALYZE_PATH = '/api/v1/connectivity/analyze';
/** Manifests of a whole cluster run to several MB; the app-wide JSON limit stays small. */
export const ANALYZE_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'] as const;

/** A mirrored cluster's what-if takes the same bodies. */
const WHAT_IF_PATH = /^\/api\/v1\/clusters\/[^/]+\/connectivity\/what-if$/;
const onAnalyze = (req: IncomingMessage) => {
  const path = (req.url ?? '').split('?')[0]!;
  return req.method === 'POST' && (path === ANALYZE_PATH || WHAT_IF_PATH.test(path));
};
const mediaType = (req: IncomingMessage) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The analyze and what-if routes' own body parsers (YAML as text, JSON), with the larger limit.
 * Registered before the app-wide parsers, which then skip the already-read body.
 */
export function registerAnalyzeBodyParsers(app: NestExpressApplication): void {
  const limit = ANALYZE_BODY_LIMIT_BYTES;
  app.useBodyParser('text', { limit, type: (req: IncomingMessage) => onAnalyze(req) && (YAML_MEDIA_TYPES as readonly string[]).includes(mediaType(req)) });
  app.useBodyParser('json', { limit, strict: false, type: (req: IncomingMessage) => onAnalyze(req) && mediaType(req) === 'application/json' });
}
