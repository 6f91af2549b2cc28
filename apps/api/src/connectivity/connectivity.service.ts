import { Injectable } from '@nestjs/common';
import { ManifestInputError, ReachabilityTooLargeError, analyzeReachability, formatConnectionListTxt, parseManifests, type ReachabilityResult } from '@switchboard/k8s-model';
import { AccessPolicy } from '../auth/access-policy.service.js';
import type { Caller } from '../auth/caller.js';
import { manifestInvalid, tooLarge } from './connectivity-errors.js';
import type { HostNetworkMode } from './dto/connectivity-analysis.model.js';

/**
 * Pairs one what-if may compute (workload × workload plus workload × outside range): about
 * 500 workloads. Each pair is an entry of the answer, so this bounds its time and size too.
 */
export const MAX_WHAT_IF_PAIRS = 250_000;

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
      return { result: analyzeReachability(input, { hostNetwork: hostNetwork === 'OUTSIDE_POLICY' ? 'outside-policy' : 'analyzer', maxPairs: MAX_WHAT_IF_PAIRS }), ignoredKinds };
    } catch (e) {
      if (e instanceof ManifestInputError) throw manifestInvalid(e);
      if (e instanceof ReachabilityTooLargeError) throw tooLarge(e);
      throw e;
    }
  }

  analyzeTxt(caller: Caller, manifests: string, hostNetwork?: HostNetworkMode): string {
    return formatConnectionListTxt(this.analyze(caller, manifests, hostNetwork).result);
  }
}
