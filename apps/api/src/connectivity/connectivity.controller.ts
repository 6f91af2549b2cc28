import { Body, Controller, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import { DomainError } from '../errors/domain-error.js';
import { ApiFlagQuery, ApiTextQuery } from '../catalog/shared/query-docs.js';
import { queryFlag, queryOne } from '../catalog/shared/query-params.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { YAML_MEDIA_TYPES } from './analyze-body.js';
import { ConnectivityService } from './connectivity.service.js';
import { toConnectivityModel } from './connectivity-model.js';
import { ConnectivityAnalysisModel, HOST_NETWORK_MODES, type HostNetworkMode } from './dto/connectivity-analysis.model.js';

type Q = Record<string, string | string[] | undefined>;
const FORMATS = ['json', 'txt'] as const;

/** The manifests text from a YAML body or `{ "manifests": "<text>" }`, else VALIDATION_FAILED naming the field. */
function manifestsOf(body: unknown): string {
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

@ApiTags('connectivity')
@Controller('connectivity')
export class ConnectivityController {
  constructor(private readonly connectivity: ConnectivityService) {}

  @Post('analyze')
  @HttpCode(200)
  @ApiExtraModels(ConnectivityAnalysisModel)
  @ApiOperation({
    summary: 'What-if reachability of manifests',
    requestBody: {
      required: true,
      description: 'Kubernetes manifests: multi-document YAML or JSON (List, PodList, NamespaceList… included), up to 8 MB. Namespaces, Pods, workloads and NetworkPolicies count; other kinds are ignored.',
      content: {
        ...Object.fromEntries(YAML_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string' } }])),
        'application/json': { schema: { type: 'object', required: ['manifests'], properties: { manifests: { type: 'string' } } } },
      },
    },
  })
  @ApiTextQuery('format', 'json (default) or txt: the connection list of np-guard netpol-analyzer (also with Accept: text/plain)', FORMATS)
  @ApiTextQuery('hostNetwork', 'AS_POD (default, as netpol-analyzer) or OUTSIDE_POLICY (hostNetwork pods are never isolated and no selector matches them)', HOST_NETWORK_MODES)
  @ApiFlagQuery('includeDenied', 'JSON: list every pair, those with nothing allowed too (each with its why)')
  @ApiOkResponse({
    description: 'The connections the policies allow between the workloads (and outside ranges), each with why',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ConnectivityAnalysisModel) } },
      'text/plain': { schema: { type: 'string', description: 'One "SRC => DST : CONNS" line per pair with any allowed connection, sorted' } },
    },
  })
  @ApiErrors(...AUTHENTICATED, 400, 403, 413, 422)
  analyze(@CurrentCaller() caller: Caller, @Body() body: unknown, @Query() q: Q, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response): ConnectivityAnalysisModel | string {
    const format = queryOne(q, 'format');
    if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
      throw DomainError.validation([{ field: 'format', rule: 'enum', message: `must be json or txt, got ${JSON.stringify(format)}` }]);
    }
    const hostNetwork = queryOne(q, 'hostNetwork');
    if (hostNetwork !== undefined && !(HOST_NETWORK_MODES as readonly string[]).includes(hostNetwork)) {
      throw DomainError.validation([{ field: 'hostNetwork', rule: 'enum', message: `must be AS_POD or OUTSIDE_POLICY, got ${JSON.stringify(hostNetwork)}` }]);
    }
    const mode = hostNetwork as HostNetworkMode | undefined;
    const includeDenied = queryFlag(q, 'includeDenied') ?? false;
    const manifests = manifestsOf(body);
    const txt = format === 'txt' || (format === undefined && wantsText(accept));
    if (txt) {
      res.type('text/plain; charset=utf-8');
      return this.connectivity.analyzeTxt(caller, manifests, mode);
    }
    return toConnectivityModel(this.connectivity.analyze(caller, manifests, mode), includeDenied);
  }
}

/** Accept: text/plain preferred over JSON (a browser's or curl's `*∕*` keeps JSON). */
function wantsText(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  const text = types.indexOf('text/plain');
  const json = types.indexOf('application/json');
  return text >= 0 && (json < 0 || text < json);
}
