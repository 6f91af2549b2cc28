import { parse } from 'yaml';

export interface KubeconfigOutline {
  contexts: { name: string; cluster: string; server: string | null }[];
  current: string | null;
}

/**
 * The contexts a pasted kubeconfig offers, to choose from before testing. Only names and
 * servers are read; the credentials stay in the text that is sent to the API as it is
 * (the API reads the kubeconfig itself and is the judge of whether it is usable).
 */
export function outlineKubeconfig(text: string): { ok: true; outline: KubeconfigOutline } | { ok: false; message: string } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { ok: false, message: `kubeconfig: is not readable YAML (${(err instanceof Error ? err.message : String(err)).split('\n')[0]})` };
  }
  const obj = (doc ?? {}) as { contexts?: unknown; clusters?: unknown; 'current-context'?: unknown };
  if (typeof doc !== 'object' || doc === null || !Array.isArray(obj.contexts) || obj.contexts.length === 0) {
    return { ok: false, message: 'kubeconfig: has no contexts (a kubeconfig lists clusters, users and the contexts that pair them)' };
  }
  const servers = new Map<string, string>();
  for (const c of Array.isArray(obj.clusters) ? obj.clusters : []) {
    const e = c as { name?: unknown; cluster?: { server?: unknown } };
    if (typeof e.name === 'string' && typeof e.cluster?.server === 'string') servers.set(e.name, e.cluster.server);
  }
  const contexts = obj.contexts.flatMap((c) => {
    const e = c as { name?: unknown; context?: { cluster?: unknown } };
    if (typeof e.name !== 'string') return [];
    const cluster = typeof e.context?.cluster === 'string' ? e.context.cluster : '';
    return [{ name: e.name, cluster, server: servers.get(cluster) ?? null }];
  });
  const current = typeof obj['current-context'] === 'string' && contexts.some((c) => c.name === obj['current-context']) ? (obj['current-context'] as string) : null;
  return { ok: true, outline: { contexts, current } };
}
