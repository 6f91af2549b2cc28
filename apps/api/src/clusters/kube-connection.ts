import * as k8s from '@kubernetes/client-node';
import { DomainError } from '../errors/domain-error.js';
import type { ClusterCredentials } from './credential-cipher.js';
import { TOKEN_FILE_PROVIDER, TokenFileAuth } from './token-file-auth.js';

/** A ready KubeConfig for the client library from stored credentials. */
export function kubeConfigFor(name: string, c: ClusterCredentials): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  // The client wants base64 like a kubeconfig file; credentials keep PEM text.
  const b64 = (pem: string | undefined) => (pem ? Buffer.from(pem, 'utf8').toString('base64') : undefined);
  kc.loadFromOptions({
    clusters: [{ name, server: c.server, caData: b64(c.caData), skipTLSVerify: c.insecureSkipTlsVerify ?? false, tlsServerName: c.tlsServerName }],
    users: [{ name, token: c.token, certData: b64(c.clientCertData), keyData: b64(c.clientKeyData), authProvider: c.tokenFile ? { name: TOKEN_FILE_PROVIDER, config: {} } : undefined }],
    contexts: [{ name, cluster: name, user: name }],
    currentContext: name,
  });
  if (c.tokenFile) kc.addAuthenticator(new TokenFileAuth(c.tokenFile));
  return kc;
}

/** The context names of a kubeconfig, in file order. */
export function contextsOf(text: string): string[] {
  return loadKubeconfig(text).getContexts().map((c) => c.name);
}

function loadKubeconfig(text: string): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromString(text);
  } catch (err) {
    throw DomainError.validation([{ field: 'kubeconfig', rule: 'kubeconfig', message: `is not a readable kubeconfig: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }]);
  }
  return kc;
}

/** Reads the chosen contexts of a kubeconfig into credentials (one per context). */
export function credentialsFromKubeconfig(text: string, contexts: string[] | undefined): { context: string; credentials: ClusterCredentials }[] {
  const kc = loadKubeconfig(text);
  const wanted = contexts?.length ? contexts : [kc.getCurrentContext()].filter(Boolean);
  if (!wanted.length) throw DomainError.validation([{ field: 'context', rule: 'required', message: 'the kubeconfig has no current-context: name one' }]);
  return wanted.map((ctxName) => {
    const ctx = kc.getContextObject(ctxName);
    if (!ctx) {
      throw DomainError.validation([{ field: 'context', rule: 'notFound', message: `context "${ctxName}" is not in the kubeconfig (it has: ${kc.getContexts().map((c) => c.name).join(', ')})` }]);
    }
    const cluster = kc.getCluster(ctx.cluster);
    const user = kc.getUser(ctx.user);
    if (!cluster) throw DomainError.validation([{ field: 'kubeconfig', rule: 'notFound', message: `cluster "${ctx.cluster}" of context "${ctxName}" is not defined` }]);
    return {
      context: ctxName,
      credentials: {
        server: cluster.server,
        caData: cluster.caData ? Buffer.from(cluster.caData, 'base64').toString('utf8') : undefined,
        insecureSkipTlsVerify: cluster.skipTLSVerify || undefined,
        tlsServerName: cluster.tlsServerName,
        token: user?.token,
        clientCertData: user?.certData ? Buffer.from(user.certData, 'base64').toString('utf8') : undefined,
        clientKeyData: user?.keyData ? Buffer.from(user.keyData, 'base64').toString('utf8') : undefined,
      },
    };
  });
}

/**
 * Tests a connection before anything is stored and explains a failure precisely:
 * unreachable, TLS, 401, or 403 naming every resource it may not list or watch.
 * Order: /version (is anything there, do we trust its certificate), a `limit=1`
 * list of each synced kind, then a watch from that list's version, closed as soon
 * as the server accepts it (the cheapest way to learn the watch verb is granted).
 */
export async function probeCluster(name: string, kc: k8s.KubeConfig): Promise<void> {
  const server = kc.getCurrentCluster()!.server;
  const fail = (label: string, err: unknown): DomainError | undefined => {
    const code = (err as { code?: unknown; statusCode?: unknown }).code ?? (err as { statusCode?: unknown }).statusCode;
    if (code === 401) return new DomainError('CLUSTER_UNAUTHORIZED', `Cluster "${name}" at ${server} rejected the credentials (401 Unauthorized)`);
    if (code === 403) return undefined;
    if (typeof code === 'number') return new DomainError('CLUSTER_UNREACHABLE', `Cluster "${name}" at ${server} answered the ${label} request with HTTP ${code}`);
    return connectionError(name, server, err);
  };

  try {
    await withTimeout(kc.makeApiClient(k8s.VersionApi).getCode(), PROBE_TIMEOUT_MS);
  } catch (err) {
    const e = fail('/version', err);
    if (e) throw e; // 403 on /version (anonymous discovery off) is no verdict: the lists decide.
  }

  const core = kc.makeApiClient(k8s.CoreV1Api);
  const discovery = kc.makeApiClient(k8s.DiscoveryV1Api);
  const networking = kc.makeApiClient(k8s.NetworkingV1Api);
  type Listed = { metadata?: { resourceVersion?: string } };
  const checks: [string, string, () => Promise<Listed>][] = [
    ['namespaces', '/api/v1/namespaces', () => core.listNamespace({ limit: 1 })],
    ['nodes', '/api/v1/nodes', () => core.listNode({ limit: 1 })],
    ['pods', '/api/v1/pods', () => core.listPodForAllNamespaces({ limit: 1 })],
    ['services', '/api/v1/services', () => core.listServiceForAllNamespaces({ limit: 1 })],
    ['endpointslices.discovery.k8s.io', '/apis/discovery.k8s.io/v1/endpointslices', () => discovery.listEndpointSliceForAllNamespaces({ limit: 1 })],
    ['ingresses.networking.k8s.io', '/apis/networking.k8s.io/v1/ingresses', () => networking.listIngressForAllNamespaces({ limit: 1 })],
  ];
  const missing = new Map<string, string[]>();
  const watchable: [string, string, string | undefined][] = [];
  for (const [label, path, call] of checks) {
    try {
      const list = await withTimeout(call(), PROBE_TIMEOUT_MS);
      watchable.push([label, path, list.metadata?.resourceVersion]);
    } catch (err) {
      const e = fail(`${label} list`, err);
      if (e) throw e;
      missing.set(label, ['list', 'watch']);
    }
  }
  const watchStatus = await Promise.all(watchable.map(([, path, rv]) => watchAnswer(kc, path, rv)));
  watchable.forEach(([label], i) => {
    if (watchStatus[i] === 403) missing.set(label, ['watch']);
  });
  if (missing.size) {
    const byVerbs = new Map<string, string[]>();
    for (const [label, verbs] of missing) byVerbs.set(verbs.join('/'), [...(byVerbs.get(verbs.join('/')) ?? []), label]);
    const text = [...byVerbs].map(([verbs, labels]) => `${verbs} on ${labels.join(', ')}`).join('; ');
    throw new DomainError(
      'CLUSTER_FORBIDDEN',
      `Cluster "${name}" denies ${text}: grant the credentials get, list and watch on them (cluster-wide)`,
      [...missing].map(([label, verbs]) => ({ field: 'credentials', rule: 'forbidden', message: `missing ${verbs.join('/')} on ${label}` })),
    );
  }
}

const PROBE_TIMEOUT_MS = 8000;

/** HTTP status of a watch request (200 when granted), or undefined when it gave no clear answer. */
async function watchAnswer(kc: k8s.KubeConfig, path: string, resourceVersion: string | undefined): Promise<number | undefined> {
  let status: number | undefined;
  try {
    const controller = await withTimeout(
      new k8s.Watch(kc).watch(path, { resourceVersion, timeoutSeconds: 1, allowWatchBookmarks: true }, () => undefined, (err: unknown) => {
        const code = (err as { statusCode?: unknown } | null)?.statusCode;
        if (typeof code === 'number') status = code;
      }),
      PROBE_TIMEOUT_MS,
    );
    // watch() resolves once the response head is in: a 200 means the verb is granted.
    status ??= 200;
    controller.abort();
  } catch {
    // A watch that cannot even start after the lists worked says nothing about permissions.
  }
  return status;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms).unref())]);
}

function connectionError(name: string, server: string, err: unknown): DomainError {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (err as { code?: string })?.code ?? '';
  const text = `${code} ${cause?.message ?? (err as Error)?.message ?? ''}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|certificate|TLS|SSL/i.test(text)) {
    return new DomainError('CLUSTER_TLS', `Cluster "${name}" at ${server} failed TLS verification (${code || 'certificate rejected'}): check the CA data`);
  }
  return new DomainError('CLUSTER_UNREACHABLE', `Cluster "${name}" at ${server} is unreachable (${code || (err as Error)?.name || 'no answer'})`);
}
