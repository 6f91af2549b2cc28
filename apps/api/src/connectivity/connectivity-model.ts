import { NETPOL_PROTOCOLS, formatConnections, isAllConnections, isNoConnections, type PeerRef, type ReachConnection } from '@switchboard/k8s-model';
import type { ConnectionModel, ConnectivityAnalysisModel, ConnectivityPeerModel } from './dto/connectivity-analysis.model.js';
import type { WhatIfAnalysis } from './connectivity.service.js';

export function toPeerModel(p: PeerRef): ConnectivityPeerModel {
  return p.type === 'workload'
    ? { id: p.id, type: 'WORKLOAD', namespace: p.namespace, name: p.name, kind: p.kind, range: null }
    : { id: p.id, type: 'EXTERNAL', namespace: null, name: null, kind: null, range: p.range };
}

export function toConnectionModel(c: ReachConnection): ConnectionModel {
  const none = isNoConnections(c.connections);
  return {
    source: toPeerModel(c.src),
    destination: toPeerModel(c.dst),
    all: isAllConnections(c.connections),
    ports: NETPOL_PROTOCOLS.flatMap((protocol) => c.connections[protocol].map(([from, to]) => ({ protocol, from, to }))),
    text: none ? 'No Connections' : formatConnections(c.connections),
    // The engine's why computes its summary lazily (getters): copy it into a plain object.
    why: { egress: c.why.egress, ingress: c.why.ingress, summary: c.why.summary },
  };
}

export const byIds = (a: ReachConnection, b: ReachConnection) => (a.src.id < b.src.id ? -1 : a.src.id > b.src.id ? 1 : a.dst.id < b.dst.id ? -1 : a.dst.id > b.dst.id ? 1 : 0);

/** The engine's answer as REST and GraphQL return it: allowed pairs (or every pair), sorted like the txt format. */
export function toConnectivityModel({ result, ignoredKinds }: WhatIfAnalysis, includeDenied: boolean): ConnectivityAnalysisModel {
  const allowed = result.connections.filter((c) => !isNoConnections(c.connections));
  const listed = includeDenied ? [...result.connections] : allowed;
  return {
    workloads: result.workloads,
    externalSources: result.externalSources,
    externalDestinations: result.externalDestinations,
    connections: listed.sort(byIds).map(toConnectionModel),
    deniedPairs: result.connections.length - allowed.length,
    ignoredKinds: Object.entries(ignoredKinds)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([kind, count]) => ({ kind, count })),
  };
}
