import { DomainError } from '../errors/domain-error.js';
import { queryFlag, queryOne } from '../catalog/shared/query-params.js';
import { YAML_MEDIA_TYPES } from './analyze-body.js';
import { HOST_NETWORK_MODES, type HostNetworkMode } from './dto/connectivity-analysis.model.js';

type Q = Record<string, string | string[] | undefined>;
export const ANALYZE_FORMATS = ['json', 'txt'] as const;

/** The manifests text from a YAML body or `{ "manifests": "<text>" }`, else VALIDATION_FAILED naming the field. */
export function manifestsOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'manifests' in body) {
    const m = (body as { manifests: unknown }).manifests;
    if (typeof m === 'string') return m;
    throw DomainError.validation([{ field: 'manifests', rule: 'type', message: 'must be a string holding the manifests (YAML or JSON documents)' }]);
  }
  throw DomainError.validation([
    { field: 'manifests', rule: 'required', message: `is required: send the manifests as ${YAML_MEDIA_TYPES.join(', ')}, or as JSON { "manifests": "<text>" }` },
  ]);
}

export interface AnalyzeRequest {
  manifests: string;
  format: (typeof ANALYZE_FORMATS)[number];
  hostNetwork: HostNetworkMode | undefined;
  includeDenied: boolean;
}

/** The REST request as the service takes it; bad parameters are refused naming them. */
export function readAnalyzeRequest(body: unknown, q: Q, accept: string | undefined): AnalyzeRequest {
  const format = readFormat(q, accept);
  const hostNetwork = queryOne(q, 'hostNetwork');
  if (hostNetwork !== undefined && !(HOST_NETWORK_MODES as readonly string[]).includes(hostNetwork)) {
    throw DomainError.validation([{ field: 'hostNetwork', rule: 'enum', message: `must be AS_POD or OUTSIDE_POLICY, got ${JSON.stringify(hostNetwork)}` }]);
  }
  const includeDenied = queryFlag(q, 'includeDenied') ?? false;
  return {
    manifests: manifestsOf(body),
    format,
    hostNetwork: hostNetwork as HostNetworkMode | undefined,
    includeDenied,
  };
}

/** `?format=` or, without it, the Accept header; an unknown format is refused naming it. */
export function readFormat(q: Q, accept: string | undefined): (typeof ANALYZE_FORMATS)[number] {
  const format = queryOne(q, 'format');
  if (format !== undefined && !(ANALYZE_FORMATS as readonly string[]).includes(format)) {
    throw DomainError.validation([{ field: 'format', rule: 'enum', message: `must be json or txt, got ${JSON.stringify(format)}` }]);
  }
  return format === 'txt' || (format === undefined && wantsText(accept)) ? 'txt' : 'json';
}

/** Accept: text/plain preferred over JSON (a browser's or curl's `*∕*` keeps JSON). */
function wantsText(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  const text = types.indexOf('text/plain');
  const json = types.indexOf('application/json');
  return text >= 0 && (json < 0 || text < json);
}
