import { badRequest } from './status.js';

/**
 * Strategic merge patch as the API server applies it to the kinds kube-sim serves
 * (what `kubectl apply` without --server-side, `kubectl patch` and `kubectl edit` send):
 * lists with a patch merge key merge item by item, `$patch: delete|replace|merge`,
 * `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`, `$retainKeys`, null
 * deletes a key; every other list is replaced whole, as in a merge patch.
 */

/** A merge key, or MERGE_PRIMITIVES for a list of scalars merged as a set (finalizers). */
type Strategy = string | typeof MERGE_PRIMITIVES;
const MERGE_PRIMITIVES = Symbol('merge primitives');

const CONTAINER: Record<string, Strategy> = { ports: 'containerPort', env: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath' };
const POD_SPEC: Record<string, Strategy> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  ...prefixed('containers[]', CONTAINER),
  ...prefixed('initContainers[]', CONTAINER),
  ...prefixed('ephemeralContainers[]', CONTAINER),
};
const METADATA: Record<string, Strategy> = { 'metadata.ownerReferences': 'uid', 'metadata.finalizers': MERGE_PRIMITIVES };
const CONDITIONS: Record<string, Strategy> = { 'status.conditions': 'type' };

/** The kinds with a pod template in spec.template. */
const TEMPLATED: Record<string, Strategy> = { ...METADATA, ...CONDITIONS, ...prefixed('spec.template.spec', POD_SPEC), 'spec.template.metadata.finalizers': MERGE_PRIMITIVES };

/** Patch merge keys of the Kubernetes types (their patchStrategy/patchMergeKey tags), per kind. */
const STRATEGIES: Record<string, Record<string, Strategy>> = {
  Service: { ...METADATA, ...CONDITIONS, 'spec.ports': 'port' },
  Pod: { ...METADATA, ...CONDITIONS, ...prefixed('spec', POD_SPEC), 'status.podIPs': 'ip' },
  Deployment: TEMPLATED,
  ReplicaSet: TEMPLATED,
  StatefulSet: TEMPLATED,
  DaemonSet: TEMPLATED,
  ReplicationController: TEMPLATED,
  Job: TEMPLATED,
  CronJob: { ...METADATA, ...CONDITIONS, ...prefixed('spec.jobTemplate.spec.template.spec', POD_SPEC), 'status.active': 'uid' },
  Node: { ...METADATA, ...CONDITIONS, 'status.addresses': 'type', 'spec.podCIDRs': MERGE_PRIMITIVES },
  Namespace: { ...METADATA, ...CONDITIONS },
};

function prefixed(prefix: string, table: Record<string, Strategy>): Record<string, Strategy> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v]));
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `current` (not modified) with `patch` applied for an object of `kind`. */
export function strategicMergePatch(current: unknown, patch: unknown, kind: string | undefined): unknown {
  if (!isObj(patch)) throw badRequest('the strategic merge patch must be a JSON object');
  const table = STRATEGIES[kind ?? ''] ?? METADATA;
  return mergeMap(isObj(current) ? current : {}, patch, '', table);
}

function mergeMap(current: Obj, patch: Obj, path: string, table: Record<string, Strategy>): Obj | undefined {
  const directive = patch['$patch'];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return clean(patch) as Obj;
  if (directive !== undefined && directive !== 'merge') throw badRequest(`unknown patch type: ${String(directive)} in map: ${goMap(patch)}`);
  const out: Obj = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const at = path ? `${path}.${key}` : key;
    if (value === null) {
      delete out[key];
    } else if (Array.isArray(value) && table[at] !== undefined) {
      out[key] = mergeList(Array.isArray(out[key]) ? (out[key] as unknown[]) : [], value, at, table, patch[`$setElementOrder/${key}`]);
    } else if (isObj(value)) {
      const merged = mergeMap(isObj(out[key]) ? (out[key] as Obj) : {}, value, at, table);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else {
      out[key] = clean(value);
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!key.startsWith('$deleteFromPrimitiveList/') || !Array.isArray(value)) continue;
    const list = key.slice('$deleteFromPrimitiveList/'.length);
    if (Array.isArray(out[list])) out[list] = (out[list] as unknown[]).filter((x) => !value.includes(x));
  }
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key];
  }
  return out;
}

function mergeList(current: unknown[], patch: unknown[], path: string, table: Record<string, Strategy>, order: unknown): unknown[] {
  const strategy = table[path]!;
  if (patch.some((item) => isObj(item) && item['$patch'] === 'replace')) return patch.filter((item) => !(isObj(item) && item['$patch'] === 'replace')).map(clean);
  let out: unknown[];
  if (strategy === MERGE_PRIMITIVES) {
    out = [...current];
    for (const v of patch) if (!out.includes(v)) out.push(v);
  } else {
    out = [...current];
    const indexOf = (key: unknown) => out.findIndex((x) => isObj(x) && sameKey(x[strategy], key));
    for (const item of patch) {
      if (!isObj(item)) throw badRequest(`the list at ${path} is merged by "${strategy}": its items must be objects`);
      const at = indexOf(item[strategy]);
      if (item['$patch'] === 'delete') {
        if (at >= 0) out.splice(at, 1);
        continue;
      }
      if (item[strategy] === undefined) throw badRequest(`map: ${goMap(item)} does not contain declared merge key: ${strategy}`);
      if (at >= 0) out[at] = mergeMap(out[at] as Obj, item, `${path}[]`, table);
      else out.push(mergeMap({}, item, `${path}[]`, table));
    }
  }
  return Array.isArray(order) ? ordered(out, order, strategy) : out;
}

/** `$setElementOrder`: the patch's order first; items only the server has keep their order after them. */
function ordered(items: unknown[], order: unknown[], strategy: Strategy): unknown[] {
  const keyOf = (x: unknown) => (strategy === MERGE_PRIMITIVES ? x : isObj(x) ? x[strategy] : undefined);
  const wanted = order.map((o) => (strategy === MERGE_PRIMITIVES ? o : isObj(o) ? o[strategy as string] : undefined));
  const rank = (x: unknown) => {
    const i = wanted.findIndex((w) => sameKey(w, keyOf(x)));
    return i < 0 ? wanted.length : i;
  };
  return items.map((x, i) => ({ x, i, r: rank(x) })).sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.x);
}

/** Merge keys compare as the API server compares them after decoding: 80 and "80" are different. */
function sameKey(a: unknown, b: unknown): boolean {
  return a === b;
}

/** A new value from the patch: directives and nulls have no meaning there and are dropped. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$') && v !== null) out[k] = clean(v);
  return out;
}

/** A value as Go's fmt prints a decoded JSON map, which is how the API server quotes patches in errors. */
function goMap(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goMap).join(' ')}]`;
  if (isObj(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goMap(v[k])}`).join(' ')}]`;
  return v === null ? '<nil>' : String(v);
}
