import { Injectable } from '@nestjs/common';
import { ManifestInputError, analyzeReachability, formatConnectionListTxt, parseManifests, type ReachabilityResult } from '@switchboard/k8s-model';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Caller } from '../auth/caller.js';
import { manifestInvalid } from './connectivity-errors.js';
import type { HostNetworkMode } from './dto/connectivity-analysis.model.js';

export interface WhatIfAnalysis {
  result: ReachabilityResult;
  ignoredKinds: Record<string, number>;
}

/**
 * What-if reachability: manifests in, connection list out. Touches no cluster and no
 * database, so any signed-in identity may call it (as it may read the catalog).
 */
@Injectable()
export class ConnectivityService {
  constructor(private readonly access: AccessPolicy) {}

  analyze(caller: Caller, manifests: string, hostNetwork: HostNetworkMode = 'AS_POD'): WhatIfAnalysis {
    this.access.requireRole(caller, 'viewer');
    try {
      const { input, ignoredKinds } = parseManifests([{ text: manifests }]);
      return { result: analyzeReachability(input, { hostNetwork: hostNetwork === 'OUTSIDE_POLICY' ? 'outside-policy' : 'analyzer' }), ignoredKinds };
    } catch (e) {
      if (e instanceof ManifestInputError) throw manifestInvalid(e);
      throw e;
    }
  }

  analyzeTxt(caller: Caller, manifests: string, hostNetwork?: HostNetworkMode): string {
    return formatConnectionListTxt(this.analyze(caller, manifests, hostNetwork).result);
  }
}
