/** What one NetworkPolicy does in a cluster: the workloads it selects and the connections its rules allow. */
import { isNoConnections } from './connection-set.js';
import type { CompiledReachability } from './engine.js';
import type { ReachConnection, ReachabilityResult, WorkloadSummary } from './types.js';

export interface PolicyEffect {
  selectedWorkloads: WorkloadSummary[];
  /** Allowed connections some rule of the policy allows (its why names the policy). */
  allows: ReachConnection[];
}

/** `policy` is `namespace/name`. */
export function policyEffect(compiled: CompiledReachability, result: ReachabilityResult, policy: string): PolicyEffect {
  const selects = (cls: number) => compiled.isolatingPolicies(cls, 'ingress').includes(policy) || compiled.isolatingPolicies(cls, 'egress').includes(policy);
  const names = (c: ReachConnection) => c.why.ingress.allowedBy.some((r) => r.policy === policy) || c.why.egress.allowedBy.some((r) => r.policy === policy);
  return {
    selectedWorkloads: compiled.workloads.filter((w) => w.classes.some(selects)).map((w) => w.summary),
    allows: result.connections.filter((c) => !isNoConnections(c.connections) && names(c)),
  };
}
