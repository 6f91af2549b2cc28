import type { EndpointSliceRecord, PodRecord } from './catalog-types.js';

/** A pod the service selects that none of its EndpointSlices lists, and why. */
export interface EndpointGap {
  pod: PodRecord;
  reason: string;
}

/**
 * Pods the selector matches but that are not endpoints of the service, with the
 * reason the EndpointSlice controller leaves them out: a pod is listed (ready or not)
 * once it has an IP and until it has finished; anything else missing is a controller
 * (or mirror) that has not caught up yet. `pods` are the selected pods; endpoints
 * name their pod by targetRef, or match by address when they carry none.
 */
export function endpointGaps(pods: readonly PodRecord[], slices: readonly EndpointSliceRecord[]): EndpointGap[] {
  const names = new Set<string>();
  const addresses = new Set<string>();
  for (const s of slices) {
    for (const e of s.endpoints) {
      if (e.targetKind === 'Pod' && e.targetName) names.add(e.targetName);
      for (const a of [e.address, ...e.addresses]) addresses.add(a);
    }
  }
  return pods
    .filter((p) => !names.has(p.name) && !(p.podIp && addresses.has(p.podIp)))
    .map((pod) => ({ pod, reason: gapReason(pod) }));
}

function gapReason(pod: PodRecord): string {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return `finished (phase ${pod.phase}): finished pods are never endpoints`;
  if (!pod.podIp) {
    if (!pod.nodeName) return 'not scheduled to a node yet, so it has no IP to send traffic to';
    return `no pod IP yet (phase ${pod.phase ?? 'unknown'}): its containers or network are still being set up`;
  }
  return 'has an IP but is not listed yet: the endpoint controller (or the catalog mirror) has not caught up';
}
