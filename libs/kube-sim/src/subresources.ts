import type { IncomingMessage, ServerResponse } from 'node:http';
import { rkeyOf } from './cluster-kinds.js';
import type { ClusterState } from './cluster-state.js';
import { applyPatch, patchResourceVersion, unsupportedPatch } from './patch.js';
import type { ResourceDef } from './resources.js';
import { contentTypeOf, json, readBody, sendObject, sendStatus } from './responses.js';
import { badRequest, invalid, methodNotAllowed, notFound } from './status.js';
import type { KubeObject } from './kube-object.js';

/** A request for a subresource of one object. */
export interface SubresourceRequest {
  def: ResourceDef;
  namespace?: string;
  name: string;
  verb: string;
  dryRun: boolean;
}

/** A Deployment's (ReplicaSet's, StatefulSet's, ReplicationController's) Scale (autoscaling/v1), as `kubectl scale` reads and patches it. */
function toScale(dep: KubeObject): unknown {
  const m = dep.metadata;
  // A ReplicationController's selector is a plain label map.
  const labels = dep.kind === 'ReplicationController' ? dep.spec?.selector : dep.spec?.selector?.matchLabels;
  const selector = Object.entries((labels ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: dep.spec?.replicas ?? 1 },
    status: { replicas: dep.status?.replicas ?? 0, selector },
  };
}

const stored = (state: ClusterState, r: SubresourceRequest) => {
  const obj = state.store.get(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, r.name);
  if (!obj) throw notFound(r.def.resource, r.def.group, r.name);
  return obj;
};

/** `/scale` of the scalable workloads: get, update, JSON and merge patches. */
export async function scale(state: ClusterState, r: SubresourceRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const obj = stored(state, r);
  if (r.verb === 'get') return json(res, 200, toScale(obj));
  if (r.verb !== 'update' && r.verb !== 'patch') return sendStatus(res, methodNotAllowed(`${req.method} on scale is not supported`).status);
  const text = await readBody(req);
  const type = contentTypeOf(req);
  const current = toScale(obj);
  const next = (r.verb === 'update' ? JSON.parse(text) : type === 'application/json-patch+json' ? applyPatch(current, type, text) : applyPatch(current, 'application/merge-patch+json', text)) as { spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } };
  const replicas = next.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', 'autoscaling', r.name, [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` }]);
  }
  const rv = r.verb === 'update' ? next.metadata?.resourceVersion : undefined;
  const updated = state.update(r.def, { ...obj, metadata: { ...obj.metadata, resourceVersion: rv }, spec: { ...obj.spec, replicas } } as KubeObject, r.dryRun);
  return json(res, 200, toScale(updated));
}

/**
 * `/status`: get, update (PUT of the whole object) and JSON, merge and strategic-merge
 * patches. Only the status (and unreset metadata) changes; see ClusterState.updateStatus.
 */
export async function status(state: ClusterState, r: SubresourceRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const current = stored(state, r);
  if (r.verb === 'get') return sendObject(res, 200, current);
  if (r.verb !== 'update' && r.verb !== 'patch') return sendStatus(res, methodNotAllowed(`${req.method} on status is not supported`).status);
  const text = await readBody(req);
  let next: KubeObject;
  if (r.verb === 'update') {
    next = JSON.parse(text || '{}') as KubeObject;
    if (next.metadata?.name !== r.name) throw badRequest(`the name of the object (${next.metadata?.name}) does not match the name on the URL (${r.name})`);
  } else {
    const type = contentTypeOf(req);
    // Server-side apply of a status is not simulated (see the README).
    if (type === 'application/apply-patch+yaml') throw unsupportedPatch(type);
    next = applyPatch(current, type, text) as KubeObject;
    if (!patchResourceVersion(type, text)) delete next.metadata.resourceVersion;
    next.metadata.name = r.name;
  }
  if (r.def.namespaced) next.metadata.namespace = r.namespace;
  return sendObject(res, 200, state.updateStatus(r.def, next, r.dryRun));
}
