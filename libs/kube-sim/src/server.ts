import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { type ClusterState, rkeyOf } from './cluster-state.js';
import { mergePatch, jsonPatch } from './patch.js';
import { apiVersionOf, findByResource, RESOURCES, type ResourceDef } from './resources.js';
import { matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { openApiGroupVersion, openApiRoot } from './openapi.js';
import { toTable, wantsTable } from './table.js';
import { managerFromUserAgent, recordUpdate, serverSideApply } from './server-side-apply.js';
import { badRequest, expired, forbidden, invalid, type KubeStatus, methodNotAllowed, notFound, serverError, SimStatusError, unauthorized } from './status.js';
import type { KubeObject, Watcher } from './store.js';

export interface FaultState {
  latencyMs: number;
  failNext: number;
  failStatus: number;
  retryAfterSeconds: number | undefined;
  expireNextWatches: number;
  frozen: boolean;
}

/** Watch responses that hang (see freezeWatches). */
export const hung = new WeakSet<ServerResponse>();

export interface ServerContext {
  state: ClusterState;
  token: string;
  readOnlyToken: string;
  faults: FaultState;
  bookmarkIntervalMs: number;
  /** Open watch responses, so faults can drop or freeze them. */
  watches: Set<ServerResponse>;
  admin(action: string, query: URLSearchParams): Promise<unknown>;
}

const json = (res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}) => {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

const sendStatus = (res: ServerResponse, s: KubeStatus) =>
  json(res, s.code, s, s.details?.retryAfterSeconds ? { 'retry-after': String(s.details.retryAfterSeconds) } : {});

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface Route {
  def: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** /api/v1/... and /apis/{group}/{version}/... → resource, namespace, name. */
function route(path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean);
  let group = '';
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1]) {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts[1] && parts[2]) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const def = findByResource(group, version, rest[0] ?? '');
  if (!def) return undefined;
  return { def, namespace, name: rest[1], subresource: rest[2] };
}

function discovery(path: string): unknown | undefined {
  if (path === '/openapi/v3') return openApiRoot();
  if (path.startsWith('/openapi/v3/')) return openApiGroupVersion(path);
  if (path === '/version') return { major: '1', minor: '32', gitVersion: 'v1.32.0-kube-sim', gitCommit: 'kube-sim', gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.23', compiler: 'gc', platform: 'linux/amd64' };
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
  if (path === '/apis') {
    const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))].map((gv) => {
      const [name, version] = gv.split('/');
      return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
    });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  const m = /^\/api\/(v1)$|^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (m) {
    const group = m[2] ?? '';
    const version = m[1] ?? m[3]!;
    const defs = RESOURCES.filter((r) => r.group === group && r.version === version);
    if (!defs.length) return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources: defs.map((d) => ({ name: d.resource, singularName: d.kind.toLowerCase(), namespaced: d.namespaced, kind: d.kind, verbs: d.verbs, ...(d.shortNames ? { shortNames: d.shortNames } : {}) })),
    };
  }
  return undefined;
}

export async function handle(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'https://kube-sim');
    const f = ctx.faults;
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    const auth = req.headers.authorization ?? '';
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (url.pathname.startsWith('/_sim/')) {
      if (bearer !== ctx.token) return sendStatus(res, unauthorized().status);
      return json(res, 200, (await ctx.admin(url.pathname.slice('/_sim/'.length), url.searchParams)) ?? { ok: true });
    }
    if (['/healthz', '/livez', '/readyz'].includes(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('ok');
    }
    if (bearer !== ctx.token && bearer !== ctx.readOnlyToken) return sendStatus(res, unauthorized().status);
    if (f.failNext > 0) {
      f.failNext--;
      return sendStatus(res, serverError(f.failStatus, f.failStatus === 429 ? 'Too many requests, please try again later.' : 'the server is currently unable to handle the request', f.retryAfterSeconds).status);
    }
    const disc = req.method === 'GET' ? discovery(url.pathname) : undefined;
    if (disc) return json(res, 200, disc);
    const r = route(url.pathname);
    const supported = !r?.subresource || (r.name && ((r.subresource === 'scale' && r.def.kind === 'Deployment') || r.subresource === 'status'));
    if (!r || !supported) return sendStatus(res, notFound('', '', url.pathname).status);
    const q = url.searchParams;
    const readOnly = bearer === ctx.readOnlyToken;
    const verb = req.method === 'GET' ? (q.get('watch') === 'true' || q.get('watch') === '1' ? 'watch' : r.name ? 'get' : 'list') : { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[req.method ?? ''] ?? '';
    if (readOnly && !['get', 'list', 'watch'].includes(verb)) {
      return sendStatus(res, forbidden('system:serviceaccount:kube-system:readonly', verb, r.def.resource, r.def.group, r.def.namespaced ? r.namespace : undefined).status);
    }
    const dryRun = q.get('dryRun') === 'All';
    const state = ctx.state;
    const manager = q.get('fieldManager') || managerFromUserAgent(req.headers['user-agent']);
    const gv = apiVersionOf(r.def);
    if (r.subresource) return await subresource(ctx, r, verb, req, res, dryRun);
    switch (verb) {
      case 'get': {
        const o = state.store.get(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, r.name!);
        if (!o) return sendStatus(res, notFound(r.def.resource, r.def.group, r.name!).status);
        if (wantsTable(req.headers.accept)) return json(res, 200, toTable(r.def.kind, [o], { resourceVersion: o.metadata.resourceVersion }, q.get('includeObject')));
        return json(res, 200, o);
      }
      case 'list':
        return list(ctx, r, q, res, wantsTable(req.headers.accept));
      case 'watch':
        return watch(ctx, r, q, req, res);
      case 'create': {
        const body = JSON.parse((await readBody(req)) || '{}') as KubeObject;
        if (r.def.namespaced) body.metadata = { ...body.metadata, namespace: body.metadata?.namespace ?? r.namespace };
        recordUpdate(r.def.kind, gv, undefined, body, manager);
        return json(res, 201, state.create(r.def, body, dryRun));
      }
      case 'update': {
        const body = JSON.parse((await readBody(req)) || '{}') as KubeObject;
        if (body.metadata?.name !== r.name) return sendStatus(res, badRequest(`the name of the object (${body.metadata?.name}) does not match the name on the URL (${r.name})`).status);
        if (r.def.namespaced) body.metadata.namespace = r.namespace;
        recordUpdate(r.def.kind, gv, state.store.get(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, r.name!), body, manager);
        return json(res, 200, state.update(r.def, body, dryRun));
      }
      case 'patch': {
        const text = await readBody(req);
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
        const ns = r.def.namespaced ? r.namespace : undefined;
        const current = state.store.get(rkeyOf(r.def), ns, r.name!);
        if (type === 'application/apply-patch+yaml') {
          if (!q.get('fieldManager')) {
            throw invalid('PatchOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' }]);
          }
          const applied = (parseYaml(text) ?? {}) as KubeObject;
          applied.metadata = { ...applied.metadata, name: r.name!, ...(ns ? { namespace: ns } : {}) };
          const force = q.get('force') === 'true';
          const { result, changed } = serverSideApply(r.def.kind, gv, current, applied, manager, force);
          if (!current) return json(res, 201, state.create(r.def, result, dryRun));
          // Nothing to change: the real server writes nothing and keeps the resourceVersion.
          if (!changed) {
            if (result.metadata.resourceVersion && result.metadata.resourceVersion !== current.metadata.resourceVersion) state.update(r.def, result, true);
            return json(res, 200, current);
          }
          return json(res, 200, state.update(r.def, result, dryRun));
        }
        if (!current) return sendStatus(res, notFound(r.def.resource, r.def.group, r.name!).status);
        let next: KubeObject;
        if (type === 'application/json-patch+json') next = jsonPatch(current, JSON.parse(text)) as KubeObject;
        else if (type === 'application/merge-patch+json' || type === 'application/strategic-merge-patch+json') next = mergePatch(current, JSON.parse(text)) as KubeObject;
        else return sendStatus(res, { ...badRequest(`unsupported patch content type "${type}"`).status, code: 415, reason: 'UnsupportedMediaType' });
        const keepRv = (JSON.parse(type === 'application/json-patch+json' ? '{}' : text) as KubeObject).metadata?.resourceVersion;
        if (!keepRv) delete next.metadata.resourceVersion;
        recordUpdate(r.def.kind, gv, current, next, manager);
        return json(res, 200, state.update(r.def, next, dryRun));
      }
      case 'delete': {
        if (!r.name) return sendStatus(res, methodNotAllowed('deletecollection is not supported by kube-sim').status);
        const text = await readBody(req);
        const opts = text ? (JSON.parse(text) as { preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: string[] }) : {};
        const gone = state.delete(r.def, r.namespace, r.name, { dryRun: dryRun || Boolean(opts.dryRun?.includes('All')), uid: opts.preconditions?.uid, resourceVersion: opts.preconditions?.resourceVersion });
        return json(res, 200, gone);
      }
      default:
        return sendStatus(res, methodNotAllowed(`${req.method} is not supported`).status);
    }
  } catch (err) {
    if (err instanceof SimStatusError) return sendStatus(res, err.status);
    if (err instanceof SyntaxError) return sendStatus(res, badRequest(`the request body is not valid: ${err.message}`).status);
    return sendStatus(res, serverError(500, err instanceof Error ? err.message : String(err)).status);
  }
}

/** A Deployment's Scale (autoscaling/v1), as `kubectl scale` reads and patches it. */
function toScale(dep: KubeObject): unknown {
  const m = dep.metadata;
  const selector = Object.entries((dep.spec?.selector?.matchLabels ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: dep.spec?.replicas ?? 1 },
    status: { replicas: dep.status?.replicas ?? 0, selector },
  };
}

/** `/scale` of deployments (get, update, patch) and `/status` (get) of every kind. */
async function subresource(ctx: ServerContext, r: Route, verb: string, req: IncomingMessage, res: ServerResponse, dryRun: boolean): Promise<void> {
  const state = ctx.state;
  const obj = state.store.get(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, r.name!);
  if (!obj) return sendStatus(res, notFound(r.def.resource, r.def.group, r.name!).status);
  if (r.subresource === 'status') {
    if (verb !== 'get') return sendStatus(res, methodNotAllowed(`${req.method} on status is not supported by kube-sim`).status);
    return json(res, 200, obj);
  }
  if (verb === 'get') return json(res, 200, toScale(obj));
  if (verb !== 'update' && verb !== 'patch') return sendStatus(res, methodNotAllowed(`${req.method} on scale is not supported`).status);
  const text = await readBody(req);
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const current = toScale(obj);
  const next = (verb === 'update' ? JSON.parse(text) : type === 'application/json-patch+json' ? jsonPatch(current, JSON.parse(text)) : mergePatch(current, JSON.parse(text))) as { spec?: { replicas?: unknown }; metadata?: { resourceVersion?: string } };
  const replicas = next.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('Scale', 'autoscaling', r.name!, [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` }]);
  }
  const rv = verb === 'update' ? next.metadata?.resourceVersion : undefined;
  const updated = state.update(r.def, { ...obj, metadata: { ...obj.metadata, resourceVersion: rv }, spec: { ...obj.spec, replicas } } as KubeObject, dryRun);
  return json(res, 200, toScale(updated));
}

function filtersOf(r: Route, q: URLSearchParams): (o: KubeObject) => boolean {
  const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(q.get('fieldSelector') ?? undefined);
  const ns = r.def.namespaced ? r.namespace : undefined;
  return (o) => (!ns || o.metadata.namespace === ns) && (!r.name || o.metadata.name === r.name) && matchesLabels(labels, o.metadata.labels) && fields(o);
}

function list(ctx: ServerContext, r: Route, q: URLSearchParams, res: ServerResponse, table = false): void {
  const store = ctx.state.store;
  const match = filtersOf(r, q);
  const limit = Number(q.get('limit') ?? 0);
  let start = '';
  let listRv = store.currentRv();
  const token = q.get('continue');
  if (token) {
    let parsed: { rv: number; start: string };
    try {
      parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    } catch {
      throw badRequest('continue key is not valid');
    }
    if (parsed.rv < store.oldestWatchableRv()) {
      throw expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      );
    }
    start = parsed.start;
    listRv = parsed.rv;
  }
  const rv = q.get('resourceVersion');
  if (limit > 0 && rv && rv !== '0' && !token && Number(rv) < store.oldestWatchableRv()) {
    throw expired(`too old resource version: ${rv} (${store.oldestWatchableRv() + 1})`);
  }
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  const all = store.list(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined).filter(match).filter((o) => !start || key(o) > start);
  const items = limit > 0 ? all.slice(0, limit) : all;
  const more = limit > 0 && all.length > limit;
  const metadata: Record<string, unknown> = { resourceVersion: String(listRv) };
  if (more) {
    metadata.continue = Buffer.from(JSON.stringify({ rv: listRv, start: key(items.at(-1)!) })).toString('base64');
    metadata.remainingItemCount = all.length - items.length;
  }
  if (table) return json(res, 200, toTable(r.def.kind, items, metadata, q.get('includeObject')));
  json(res, 200, { kind: `${r.def.kind}List`, apiVersion: apiVersionOf(r.def), metadata, items });
}

function watch(ctx: ServerContext, r: Route, q: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
  const store = ctx.state.store;
  const match = filtersOf(r, q);
  const apiVersion = apiVersionOf(r.def);
  res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked', 'cache-control': 'no-cache' });
  res.flushHeaders();
  // A watch opened while frozen, or open when the freeze began, is a hung connection
  // for good: it never sends again (the failure mode of watches that silently stop).
  if (ctx.faults.frozen) hung.add(res);
  const write = (type: string, object: unknown) => {
    if (!hung.has(res) && !res.writableEnded) res.write(`${JSON.stringify({ type, object })}\n`);
  };
  if (ctx.faults.expireNextWatches > 0) {
    ctx.faults.expireNextWatches--;
    write('ERROR', expired('too old resource version: expired by fault injection').status);
    return void res.end();
  }
  const rvParam = q.get('resourceVersion');
  const initialEvents = q.get('sendInitialEvents') === 'true';
  let backlog: { type: string; obj: KubeObject }[] = [];
  if (!rvParam || rvParam === '0' || initialEvents) {
    backlog = store.list(rkeyOf(r.def)).filter(match).map((obj) => ({ type: 'ADDED', obj }));
  } else {
    try {
      backlog = store.eventsSince(rkeyOf(r.def), Number(rvParam)).filter((e) => match(e.obj)).map((e) => ({ type: e.type, obj: e.obj }));
    } catch (err) {
      // A real server answers a too-old version with 200, one ERROR event, then closes.
      if (err instanceof SimStatusError) write('ERROR', err.status);
      return void res.end();
    }
  }
  for (const e of backlog) write(e.type, e.obj);
  if (initialEvents) {
    write('BOOKMARK', { kind: r.def.kind, apiVersion, metadata: { resourceVersion: String(store.currentRv()), annotations: { 'k8s.io/initial-events-end': 'true' } } });
  }
  const watcher: Watcher = { rkey: rkeyOf(r.def), matches: match, send: (type, obj) => write(type, obj) };
  store.watchers.add(watcher);
  ctx.watches.add(res);
  const timers: NodeJS.Timeout[] = [];
  if (q.get('allowWatchBookmarks') === 'true') {
    timers.push(setInterval(() => write('BOOKMARK', { kind: r.def.kind, apiVersion, metadata: { resourceVersion: String(store.currentRv()) } }), ctx.bookmarkIntervalMs));
  }
  const timeout = Number(q.get('timeoutSeconds') ?? 0);
  // Without timeoutSeconds a real server closes after a random 30–60 minutes.
  timers.push(setTimeout(() => res.end(), (timeout > 0 ? timeout : 1800 + Math.random() * 1800) * 1000));
  const cleanup = () => {
    store.watchers.delete(watcher);
    ctx.watches.delete(res);
    for (const t of timers) clearTimeout(t);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}
