import type { ReachConnection, ServiceReach } from '@switchboard/k8s-model';
import { byIds, toConnectionModel, toConnectivityModel, toPeerModel } from '../../connectivity/connectivity-model.js';
import type { ConnectionModel } from '../../connectivity/dto/connectivity-analysis.model.js';
import type { Protocol } from '../shared/kube-enums.js';
import type { ClusterConnectivityModel, ConnectivityDiffModel } from './dto/cluster-connectivity.model.js';
import type { ServiceReachabilityModel } from './dto/service-reachability.model.js';
import type { ConnectivityDiffAnswer, VisibleConnectivity } from './reachability.service.js';

export function toClusterConnectivityModel({ reach, result }: VisibleConnectivity, includeDenied: boolean): ClusterConnectivityModel {
  return { ...toConnectivityModel({ result, ignoredKinds: {} }, includeDenied), cluster: reach.cluster.name, computedAt: reach.computedAt };
}

export const toConnectionModels = (list: readonly ReachConnection[]): ConnectionModel[] => [...list].sort(byIds).map(toConnectionModel);

export function toServiceReachabilityModel(answer: ServiceReach, computedAt: Date): ServiceReachabilityModel {
  return {
    computedAt,
    backends: answer.backends.map(toPeerModel),
    isolated: answer.isolated,
    ports: answer.ports.map((p) => ({
      name: p.name || null,
      port: p.port,
      targetPort: p.targetPort,
      protocol: p.protocol as Protocol,
      allowedFrom: p.allowedFrom.map((r) => ({ peer: toPeerModel(r.peer), why: r.why, allBackends: r.allBackends })),
      deniedFrom: p.deniedFrom.map((r) => ({ peer: toPeerModel(r.peer), why: r.why, allBackends: r.allBackends })),
    })),
  };
}

export function toConnectivityDiffModel(d: ConnectivityDiffAnswer): ConnectivityDiffModel {
  return {
    cluster: d.reach.cluster.name,
    computedAt: d.reach.computedAt,
    gained: toConnectionModels(d.gained),
    lost: toConnectionModels(d.lost),
    changed: [...d.changed]
      .sort((a, b) => byIds(a.after, b.after))
      .map((c) => ({ source: toPeerModel(c.after.src), destination: toPeerModel(c.after.dst), before: toConnectionModel(c.before), after: toConnectionModel(c.after) })),
  };
}
