/** The database could not be opened or reached; the message says which and why. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Applying migrations is impossible without a person deciding (changed or failed migration). */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** A write for a cluster whose row is gone (removed meanwhile, possibly through another replica). */
export class ClusterGoneError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the cluster is no longer registered', options);
    this.name = 'ClusterGoneError';
  }
}

/**
 * A foreign key violation of a `<Table>_clusterId_fkey` constraint (as Prisma's driver
 * adapters report it, for raw and modelled queries alike) means the cluster row is gone.
 */
export function clusterGone(err: unknown): ClusterGoneError | undefined {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { kind?: string; constraint?: { index?: string } } } } })?.meta?.driverAdapterError?.cause;
  const gone = cause?.kind === 'ForeignKeyConstraintViolation' && /_clusterId_fkey$/.test(cause.constraint?.index ?? '');
  return gone ? new ClusterGoneError({ cause: err }) : undefined;
}

/**
 * A deadlock or serialization failure: PostgreSQL rolled the transaction back and running
 * it again is the documented remedy (two sync loops of one cluster can each lock
 * EndpointSlice rows the other one is about to delete: the service loop drops the slices
 * of a deleted service while the slice loop writes them).
 */
export function isWriteConflict(err: unknown): boolean {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } } })?.meta?.driverAdapterError?.cause;
  return cause?.kind === 'TransactionWriteConflict' || cause?.code === '40P01' || cause?.code === '40001';
}

/** Hides passwords in a connection string before it reaches a log line or an error. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<unparsable DATABASE_URL>';
  }
}
