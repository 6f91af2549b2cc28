export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type ProcessRole = 'api' | 'sync' | 'all';

/** Everything the API reads from its environment, validated once at startup. */
export interface AppConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly role: ProcessRole;
  /** Folder for the embedded database, the generated secret key and demo state. */
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'postgres'; readonly url: string }
    | { readonly kind: 'pglite'; readonly dir: string };
  /** Seconds the startup keeps retrying an unreachable database before giving up; 0 = forever. */
  readonly databaseConnectTimeoutSeconds: number;
  /** 32-byte key for credentials at rest; null → generated into the data folder. */
  readonly secretKey: Buffer | null;
  /** true, false, or 'auto' (on when no cluster is registered). */
  readonly demo: boolean | 'auto';
  readonly corsOrigins: readonly string[];
  /** Refused before execution, for every caller. */
  readonly graphqlLimits: { readonly maxDepth: number; readonly maxAliases: number; readonly maxCost: number };
  readonly version: string;
  /** Where the in-cluster service account is (for registering the cluster the API runs in). */
  readonly inCluster: { readonly serviceHost: string | null; readonly servicePort: string; readonly serviceAccountDir: string };
  /** Sync timing: lease length, and how long a watch may stay silent before it is restarted. */
  readonly sync: { readonly leaseSeconds: number; readonly watchIdleSeconds: number; readonly pageSize: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
