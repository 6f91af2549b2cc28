import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { rkeyOf } from './cluster-kinds.js';
import type { ClusterState } from './cluster-state.js';
import { openApiGroupVersion, openApiRoot, openApiV2 } from './openapi.js';
import { queryFlag } from './query-flags.js';
import { applyPatch, patchResourceVersion } from './patch.js';
import { apiVersionOf, findByResource, RESOURCES, type ResourceDef } from './resources.js';
import { readObject } from './request-objects.js';
import { contentTypeOf, json, readBody, sendObject, sendStatus, sendText } from './responses.js';
import { matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { eventLine, listJson } from './serialize.js';
import { managerFromUserAgent, recordUpdate, serverSideApply } from './server-side-apply.js';
import { badRequest, expired, forbidden, invalid, methodNotAllowed, notFound, pathNotFound, serverError, SimStatusError, unauthorized } from './status.js';
import type { KubeObject } from './kube-object.js';
import type { Watcher } from './store.js';
import { scale, status } from './subresources.js';
import { toTable, wantsTable } from './table.js';

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
  /** Requests served, by "<verb> <resource>" ("expired <resource>" for a watch answered 410), for SimCluster.requestCounts. */
  requests: Map<string, number>;
  admin(action: string, query: URLSearchParams): Promise<unknown>;
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

function discovery(requested: string): unknown | undefined {
  // Discovery answers with or without a trailing slash (clients ask for both, e.g. `/version/`).
  const path = requested.length > 1 ? requested.replace(/\/$/, '') : requested;
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
      resources: defs.flatMap((d) => [
        { name: d.resource, singularName: d.kind.toLowerCase(), namespaced: d.namespaced, kind: d.kind, verbs: d.verbs, ...(d.shortNames ? { shortNames: d.shortNames } : {}), ...(d.categories ? { categories: d.categories } : {}) },
        // Subresources are listed as "<resource>/<subresource>", as the real discovery does.
        ...(d.subresources ?? []).map((sub) => ({
          name: `${d.resource}/${sub}`,
          singularName: '',
          namespaced: d.namespaced,
          ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { kind: d.kind }),
          verbs: ['get', 'patch', 'update'],
        })),
      ]),
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
    if (req.method === 'GET' && url.pathname === '/openapi/v2') return openApiV2(req.headers.accept, res);
    const disc = req.method === 'GET' ? discovery(url.pathname) : undefined;
    if (disc) return json(res, 200, disc);
    const r = route(url.pathname);
    const supported = !r?.subresource || (r.name && r.def.subresources?.includes(r.subresource as 'status' | 'scale'));
    if (!r || !supported) return sendStatus(res, pathNotFound().status);
    const q = url.searchParams;
    const readOnly = bearer === ctx.readOnlyToken;
    const verb = req.method === 'GET' ? (queryFlag(q, 'watch') ? 'watch' : r.name ? 'get' : 'list') : { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[req.method ?? ''] ?? '';
    // A list's later pages are counted apart: one relist is one "list", however many pages it reads.
    count(ctx, `${verb === 'list' && q.get('continue') ? 'list-continue' : verb} ${r.def.resource}`);
    if (readOnly && !['get', 'list', 'watch'].includes(verb)) {
      return sendStatus(res, forbidden('system:serviceaccount:kube-system:readonly', verb, r.def.resource, r.def.group, r.def.namespaced ? r.namespace : undefined, r.name, r.subresource).status);
    }
    const dryRun = q.get('dryRun') === 'All';
    const state = ctx.state;
    const manager = q.get('fieldManager') || managerFromUserAgent(req.headers['user-agent']);
    const gv = apiVersionOf(r.def);
    if (r.subresource) {
      const sub = { def: r.def, namespace: r.namespace, name: r.name!, verb, dryRun };
      return await (r.subresource === 'scale' ? scale(state, sub, req, res) : status(state, sub, req, res));
    }
    switch (verb) {
      case 'get': {
        const o = state.store.get(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, r.name!);
        if (!o) return sendStatus(res, notFound(r.def.resource, r.def.group, r.name!).status);
        if (wantsTable(req.headers.accept)) return json(res, 200, toTable(r.def.kind, [o], { resourceVersion: o.metadata.resourceVersion }, q.get('includeObject')));
        return sendObject(res, 200, o);
      }
      case 'list':
        return list(ctx, r, q, res, wantsTable(req.headers.accept));
      case 'watch':
        return watch(ctx, r, q, req, res);
      case 'create': {
        const body = await readObject(req, r.def);
        if (r.def.namespaced) body.metadata = { ...body.metadata, namespace: body.metadata?.namespace ?? r.namespace };
        recordUpdate(r.def.kind, gv, undefined, body, manager);
        return sendObject(res, 201, state.create(r.def, body, dryRun));
      }
      case 'update': {
        const body = await readObject(req, r.def);
        if (body.metadata?.name !== r.name) return sendStatus(res, badRequest(`the name of the object (${body.metadata?.name}) does not match the name on the URL (${r.name})`).status);
        if (r.def.namespaced) body.metadata.namespace = r.namespace;
        recordUpdate(r.def.kind, gv, state.store.get(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, r.name!), body, manager);
        return sendObject(res, 200, state.update(r.def, body, dryRun));
      }
      case 'patch': {
        const text = await readBody(req);
        const type = contentTypeOf(req);
        const ns = r.def.namespaced ? r.namespace : undefined;
        const current = state.store.get(rkeyOf(r.def), ns, r.name!);
        if (type === 'application/apply-patch+yaml') {
          if (!q.get('fieldManager')) {
            throw invalid('PatchOptions', 'meta.k8s.io', '', [{ reason: 'FieldValueRequired', field: 'fieldManager', message: 'Required value: is required for apply patch' }]);
          }
          const applied = (parseYaml(text) ?? {}) as KubeObject;
          applied.metadata = { ...applied.metadata, name: r.name!, ...(ns ? { namespace: ns } : {}) };
          const force = queryFlag(q, 'force');
          const { result, changed } = serverSideApply(r.def.kind, gv, current, applied, manager, force);
          if (!current) return sendObject(res, 201, state.create(r.def, result, dryRun));
          // Nothing to change: the real server writes nothing and keeps the resourceVersion.
          if (!changed) {
            if (result.metadata.resourceVersion && result.metadata.resourceVersion !== current.metadata.resourceVersion) state.update(r.def, result, true);
            return sendObject(res, 200, current);
          }
          return sendObject(res, 200, state.update(r.def, result, dryRun));
        }
        if (!current) return sendStatus(res, notFound(r.def.resource, r.def.group, r.name!).status);
        const next = applyPatch(current, type, text) as KubeObject;
        if (!patchResourceVersion(type, text)) delete next.metadata.resourceVersion;
        recordUpdate(r.def.kind, gv, current, next, manager);
        return sendObject(res, 200, state.update(r.def, next, dryRun));
      }
      case 'delete': {
        if (!r.name) return sendStatus(res, methodNotAllowed('deletecollection is not supported by kube-sim').status);
        const text = await readBody(req);
        const opts = text ? (JSON.parse(text) as { preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: string[] }) : {};
        const gone = state.delete(r.def, r.namespace, r.name, { dryRun: dryRun || Boolean(opts.dryRun?.includes('All')), uid: opts.preconditions?.uid, resourceVersion: opts.preconditions?.resourceVersion });
        return sendObject(res, 200, gone);
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

function count(ctx: ServerContext, key: string): void {
  ctx.requests.set(key, (ctx.requests.get(key) ?? 0) + 1);
}

function filtersOf(r: Route, q: URLSearchParams): (o: KubeObject) => boolean {
  const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(q.get('fieldSelector') ?? undefined);
  const ns = r.def.namespaced ? r.namespace : undefined;
  return (o) => (!ns || o.metadata.namespace === ns) && (!r.name || o.metadata.name === r.name) && matchesLabels(labels, o.metadata.labels) && fields(o);
}

function list(ctx: ServerContext, r: Route, q: URLSearchParams, res: ServerResponse, table = false): void {
  const store = ctx.state.store;
  // Without selectors every object of the (namespace's) kind is in: nothing to test, and the remaining count is known.
  const match = q.get('labelSelector') || q.get('fieldSelector') ? filtersOf(r, q) : undefined;
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
  const { items, remaining } = store.page(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined, start, limit, match);
  const metadata: Record<string, unknown> = { resourceVersion: String(listRv) };
  if (limit > 0 && remaining > 0) {
    metadata.continue = Buffer.from(JSON.stringify({ rv: listRv, start: key(items.at(-1)!) })).toString('base64');
    metadata.remainingItemCount = remaining;
  }
  if (table) return json(res, 200, toTable(r.def.kind, items, metadata, q.get('includeObject')));
  sendText(res, 200, listJson({ kind: `${r.def.kind}List`, apiVersion: apiVersionOf(r.def), metadata }, items));
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
  const writeLine = (line: string) => {
    if (!hung.has(res) && !res.writableEnded) res.write(line);
  };
  const write = (type: string, object: unknown) => writeLine(`${JSON.stringify({ type, object })}\n`);
  if (ctx.faults.expireNextWatches > 0) {
    ctx.faults.expireNextWatches--;
    count(ctx, `expired ${r.def.resource}`);
    write('ERROR', expired('too old resource version: expired by fault injection').status);
    return void res.end();
  }
  const rvParam = q.get('resourceVersion');
  const initialEvents = queryFlag(q, 'sendInitialEvents');
  let backlog: { type: string; obj: KubeObject }[] = [];
  if (!rvParam || rvParam === '0' || initialEvents) {
    backlog = store.list(rkeyOf(r.def), r.def.namespaced ? r.namespace : undefined).filter(match).map((obj) => ({ type: 'ADDED', obj }));
  } else {
    try {
      backlog = store.eventsSince(rkeyOf(r.def), Number(rvParam)).filter((e) => match(e.obj)).map((e) => ({ type: e.type, obj: e.obj }));
    } catch (err) {
      // A real server answers a too-old version with 200, one ERROR event, then closes.
      if (err instanceof SimStatusError) {
        count(ctx, `expired ${r.def.resource}`);
        write('ERROR', err.status);
      }
      return void res.end();
    }
  }
  for (const e of backlog) writeLine(eventLine(e.type, e.obj));
  if (initialEvents) {
    write('BOOKMARK', { kind: r.def.kind, apiVersion, metadata: { resourceVersion: String(store.currentRv()), annotations: { 'k8s.io/initial-events-end': 'true' } } });
  }
  const watcher: Watcher = { rkey: rkeyOf(r.def), matches: match, send: writeLine };
  store.watch(watcher);
  ctx.watches.add(res);
  const timers: NodeJS.Timeout[] = [];
  if (queryFlag(q, 'allowWatchBookmarks')) {
    timers.push(setInterval(() => write('BOOKMARK', { kind: r.def.kind, apiVersion, metadata: { resourceVersion: String(store.currentRv()) } }), ctx.bookmarkIntervalMs));
  }
  const timeout = Number(q.get('timeoutSeconds') ?? 0);
  // Without timeoutSeconds a real server closes after a random 30–60 minutes.
  timers.push(setTimeout(() => res.end(), (timeout > 0 ? timeout : 1800 + Math.random() * 1800) * 1000));
  const cleanup = () => {
    store.unwatch(watcher);
    ctx.watches.delete(res);
    for (const t of timers) clearTimeout(t);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}
