import { jsonClone } from './json-values.js';
import { badRequest, type SimStatusError, unsupportedMediaType } from './status.js';
import { strategicMergePatch } from './strategic-merge.js';

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** RFC 6902 JSON patch: add, remove, replace, test (what kubectl and clients send). */
export function jsonPatch(target: unknown, ops: { op: string; path: string; value?: unknown }[]): unknown {
  let doc = jsonClone(target) as any;
  for (const op of ops) {
    const parts = op.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (!parts.length) {
      if (op.op === 'replace' || op.op === 'add') doc = op.value;
      continue;
    }
    let parent = doc;
    for (const p of parts.slice(0, -1)) {
      parent = Array.isArray(parent) ? parent[Number(p)] : parent?.[p];
      if (parent === undefined) throw badRequest(`the server rejected our request due to an error in our request: path ${op.path} not found`);
    }
    const last = parts.at(-1)!;
    const idx = last === '-' ? (Array.isArray(parent) ? parent.length : -1) : Number(last);
    switch (op.op) {
      case 'add':
        if (Array.isArray(parent)) parent.splice(idx, 0, op.value);
        else parent[last] = op.value;
        break;
      case 'replace':
        if (Array.isArray(parent)) parent[idx] = op.value;
        else parent[last] = op.value;
        break;
      case 'remove':
        if (Array.isArray(parent)) parent.splice(idx, 1);
        else delete parent[last];
        break;
      case 'test':
        if (JSON.stringify(Array.isArray(parent) ? parent[idx] : parent[last]) !== JSON.stringify(op.value)) throw badRequest(`testing value ${op.path} failed`);
        break;
      default:
        throw badRequest(`unsupported patch operation "${op.op}"`);
    }
  }
  return doc;
}

/** The patch types kube-sim applies here (server-side apply has its own path). */
const PATCHES: Record<string, (current: unknown, body: string) => unknown> = {
  'application/json-patch+json': (current, body) => jsonPatch(current, JSON.parse(body)),
  // On a copy: the merge shares what the patch leaves alone, and stored objects must not change.
  'application/merge-patch+json': (current, body) => mergePatch(jsonClone(current), JSON.parse(body)),
  'application/strategic-merge-patch+json': (current, body) => strategicMergePatch(jsonClone(current), JSON.parse(body), (current as { kind?: string }).kind),
};

/** `current` patched by a JSON, merge or strategic-merge patch; a 415 UnsupportedMediaType for other types. */
export function applyPatch(current: unknown, contentType: string, body: string): unknown {
  const patch = PATCHES[contentType];
  if (!patch) throw unsupportedPatch(contentType);
  return patch(current, body);
}

/** The resourceVersion a merge patch carries (a precondition); JSON patches carry none. */
export function patchResourceVersion(contentType: string, body: string): string | undefined {
  if (contentType === 'application/json-patch+json') return undefined;
  return (JSON.parse(body) as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion;
}

export const unsupportedPatch = (contentType: string): SimStatusError => unsupportedMediaType(`unsupported patch content type "${contentType}"`);
