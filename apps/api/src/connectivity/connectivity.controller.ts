import { Body, Controller, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, AUTHENTICATED } from '../errors/api-errors.decorator.js';
import { ApiFlagQuery, ApiTextQuery } from '../catalog/shared/query-docs.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { YAML_MEDIA_TYPES } from './analyze-body.js';
import { ConnectivityService } from './connectivity.service.js';
import { toConnectivityModel } from './connectivity-model.js';
import { ConnectivityAnalysisModel, HOST_NETWORK_MODES } from './dto/connectivity-analysis.model.js';
import { ANALYZE_FORMATS, readAnalyzeRequest } from './analyze-request.js';

/** The manifests body of the analyze and what-if routes. */
export const MANIFESTS_REQUEST_BODY = {
  required: true,
  description: 'Kubernetes manifests: multi-document YAML or JSON (List, PodList, NamespaceList… included), up to 8 MB. Namespaces, Pods, workloads and NetworkPolicies count; other kinds are ignored.',
  content: {
    ...Object.fromEntries(YAML_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string' } }])),
    'application/json': { schema: { type: 'object', required: ['manifests'], properties: { manifests: { type: 'string' } } } },
  },
};

@ApiTags('connectivity')
@Controller('connectivity')
export class ConnectivityController {
  constructor(private readonly connectivity: ConnectivityService) {}

  @Post('analyze')
  @HttpCode(200)
  @ApiExtraModels(ConnectivityAnalysisModel)
  @ApiOperation({
    summary: 'What-if reachability of manifests',
    requestBody: MANIFESTS_REQUEST_BODY,
  })
  @ApiTextQuery('format', 'json (default) or txt: the connection list of np-guard netpol-analyzer (also with Accept: text/plain)', ANALYZE_FORMATS)
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
  analyze(@CurrentCaller() caller: Caller, @Body() body: unknown, @Query() q: Record<string, string | string[] | undefined>, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) res: Response): ConnectivityAnalysisModel | string {
    const { manifests, format, hostNetwork, includeDenied } = readAnalyzeRequest(body, q, accept);
    if (format === 'txt') {
      res.type('text/plain; charset=utf-8');
      return this.connectivity.analyzeTxt(caller, manifests, hostNetwork);
    }
    return toConnectivityModel(this.connectivity.analyze(caller, manifests, hostNetwork), includeDenied);
  }
}
