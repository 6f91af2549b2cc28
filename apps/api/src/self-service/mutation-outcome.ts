import type { ServiceRecord } from '@switchboard/k8s-model';

/** One object a mutation wrote (or would write, on a dry run). */
export interface ObjectChange {
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'NONE';
  kind: 'Service' | 'Ingress';
  namespace: string;
  name: string;
  /** One line, e.g. "create ingress shop/web routing shop.example.com/ to web:80". */
  summary: string;
  /** The server-side-apply body as YAML ("" for deletes). */
  manifest: string;
  /** Current object → result, one line per field ("" when nothing changes). */
  diff: string;
}

/**
 * What a self-service mutation did. Stored whole under an idempotency key, so a
 * retried request gets the same answer; the catalog object itself is read fresh.
 */
export interface MutationOutcome {
  operation: string;
  dryRun: boolean;
  cluster: string;
  /** The object the caller asked about (the service for expose/unexpose). */
  kind: 'Service' | 'Ingress';
  namespace: string;
  name: string;
  /** true when the object no longer exists (delete), so there is nothing to read back. */
  deleted: boolean;
  changes: ObjectChange[];
  notes: string[];
  /** true when this answer is a replay of an earlier request with the same idempotency key. */
  replayed: boolean;
  /** Dry runs of a service change: the service as the cluster would store it (allocated IPs and node ports), for the URLs it will have. */
  planned?: {
    clusterId: string;
    clusterDomain: string;
    service: ServiceRecord;
    /** The change creates the service: its cluster IP and unrequested node ports are the dry run's examples, not kept. */
    creates: boolean;
    /** Node ports the caller asked for (kept on create). */
    fixedNodePorts: number[];
  } | null;
}
