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
