/** One audited request: who asked what, about which object, and how it ended. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  actorRole: 'viewer' | 'operator' | 'admin' | null;
  /** The operation, e.g. createService. */
  action: string;
  cluster: string | null;
  namespace: string | null;
  name: string | null;
  dryRun: boolean;
  /** SUCCEEDED, FAILED or REPLAYED (an idempotent retry answered from the first result). */
  outcome: 'SUCCEEDED' | 'FAILED' | 'REPLAYED';
  errorCode: string | null;
  /** The field-by-field diff of every object written (or that would be, on a dry run). */
  diff: string | null;
  details: Record<string, unknown>;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'>;

export interface AuditQuery {
  actor?: string;
  action?: string;
  cluster?: string;
  namespace?: string;
  outcome?: string;
  limit: number;
  /** Keyset: [at, id] of the last row seen; newest first. */
  after?: (string | number | null)[];
}
