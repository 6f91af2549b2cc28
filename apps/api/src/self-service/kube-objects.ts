import type { KubeConfig } from '@kubernetes/client-node';
import { FIELD_MANAGER, type Manifest, type ManifestKind } from '@switchboard/k8s-model';
import { KubeHttpError, kubeRequest } from '../kube/kube-http.js';

/** An object as the API server returns it (raw JSON). */
export type RawObject = { metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string }; [k: string]: unknown };

const REQUEST_TIMEOUT_MS = 15_000;
const enc = encodeURIComponent;

/**
 * The kinds self-service writes, as API resources. Server-side apply creates (create)
 * or changes (patch) an object, and delete removes it: deploy/kubernetes's
 * switchboard-write ClusterRole grants exactly these verbs on these resources (a test
 * compares). Reads go to mirrored kinds, which the read role covers.
 */
export const WRITTEN_RESOURCES: Readonly<Record<ManifestKind, { group: string; version: string; resource: string }>> = {
  Service: { group: '', version: 'v1', resource: 'services' },
  Ingress: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' },
};
export const WRITE_VERBS = ['create', 'patch', 'delete'] as const;

const collection = (kind: ManifestKind, namespace?: string): string => {
  const { group, version, resource } = WRITTEN_RESOURCES[kind];
  const ns = namespace ? `/namespaces/${enc(namespace)}` : '';
  return `${group ? `/apis/${group}` : '/api'}/${version}${ns}/${resource}`;
};

export interface WriteOptions {
  /** Server-side dry run: validated and defaulted by the cluster, nothing stored. */
  dryRun?: boolean;
  /** Take over fields another field manager owns instead of reporting the conflict. */
  force?: boolean;
}

/** The writes and reads self-service needs on one cluster, as the API server's REST calls. */
export class KubeObjects {
  constructor(private readonly kc: KubeConfig) {}

  /** The live object, or undefined when it does not exist. */
  async get(kind: ManifestKind, namespace: string, name: string): Promise<RawObject | undefined> {
    try {
      return await kubeRequest<RawObject>(this.kc, { method: 'GET', path: `${collection(kind, namespace)}/${enc(name)}`, timeoutMs: REQUEST_TIMEOUT_MS });
    } catch (err) {
      if (err instanceof KubeHttpError && err.statusCode === 404 && err.reason === 'NotFound') return undefined;
      throw err;
    }
  }

  async list(kind: ManifestKind, namespace?: string): Promise<RawObject[]> {
    const list = await kubeRequest<{ items?: RawObject[] }>(this.kc, { method: 'GET', path: collection(kind, namespace), timeoutMs: REQUEST_TIMEOUT_MS });
    return list.items ?? [];
  }

  async namespaceExists(namespace: string): Promise<boolean> {
    try {
      await kubeRequest(this.kc, { method: 'GET', path: `/api/v1/namespaces/${enc(namespace)}`, timeoutMs: REQUEST_TIMEOUT_MS });
      return true;
    } catch (err) {
      if (err instanceof KubeHttpError && err.statusCode === 404) return false;
      throw err;
    }
  }

  /**
   * Server-side apply with field manager `switchboard`: creates the object when absent,
   * otherwise merges what we state with what other managers own. Conflicts with other
   * managers are reported (409) unless `force`.
   */
  apply(manifest: Manifest, opts: WriteOptions = {}): Promise<RawObject> {
    const { namespace, name } = manifest.metadata;
    return kubeRequest<RawObject>(this.kc, {
      method: 'PATCH',
      path: `${collection(manifest.kind, namespace)}/${enc(name)}`,
      query: { fieldManager: FIELD_MANAGER, force: opts.force ? 'true' : undefined, dryRun: opts.dryRun ? 'All' : undefined },
      body: manifest,
      contentType: 'application/apply-patch+yaml',
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
  }

  /** Delete in the foreground of nothing: owned EndpointSlices go through garbage collection. */
  async delete(kind: ManifestKind, namespace: string, name: string, opts: WriteOptions & { preconditions?: { uid?: string; resourceVersion?: string } } = {}): Promise<void> {
    await kubeRequest(this.kc, {
      method: 'DELETE',
      path: `${collection(kind, namespace)}/${enc(name)}`,
      query: { dryRun: opts.dryRun ? 'All' : undefined },
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', ...(opts.preconditions ? { preconditions: opts.preconditions } : {}) },
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
  }
}
