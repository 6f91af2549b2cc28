// NetworkPolicy reachability: pure rules (no framework), used by the what-if endpoint and the live mode.
export * from './ip-ranges.js';
export * from './connection-set.js';
export * from './types.js';
export { parseNetworkPolicy, parseSelectorObject, type FieldProblem } from './policy.js';
export { analyzeReachability, summarizeWhy, workloadId, NAMESPACE_NAME_LABEL, ReachabilityTooLargeError } from './engine.js';
export * from './manifest-input.js';
export { formatConnectionListTxt } from './txt-format.js';
export { compileReachability, type CompiledReachability, type CompiledWorkload } from './engine.js';
export * from './live-input.js';
export * from './service-reach.js';
export * from './connectivity-diff.js';
export * from './policy-effect.js';
export { diagnoseReachability, INGRESS_CONTROLLER_NAMES, isIngressControllerPod, type ReachDiagnosticsInput } from './reach-diagnostics.js';
export { focusedResult } from './focused-pairs.js';
