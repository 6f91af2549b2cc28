export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type ProcessRole = 'api' | 'sync' | 'all';

/** Everything the API reads from its environment, validated once at startup. */
export interface AppConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** json lines, pretty lines, or auto: pretty only when stdout is a terminal (LOG_FORMAT). */
  readonly logFormat: 'auto' | 'json' | 'pretty';
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
  readonly inCluster: {
    readonly serviceHost: string | null;
    readonly servicePort: string;
    readonly serviceAccountDir: string;
    /** Register the cluster this process runs in under this name at startup (SWITCHBOARD_IN_CLUSTER_NAME). */
    readonly registerAs: string | null;
  };
  /** Register (or re-point) every context of this kubeconfig file at startup (SWITCHBOARD_REGISTER_KUBECONFIG). */
  readonly registerKubeconfig: string | null;
  readonly auth: AuthConfig;
  /** Sync timing: lease length, and how long a watch may stay silent before it is restarted. */
  readonly sync: { readonly leaseSeconds: number; readonly watchIdleSeconds: number; readonly pageSize: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The callback URL as the browser reaches it (…/api/v1/auth/oidc/callback). */
  readonly redirectUrl: string;
  readonly scopes: string;
  /** Claim holding the role (a string or a list; the highest known role wins). */
  readonly roleClaim: string;
  /** Claim holding grants as "cluster/namespace-pattern" strings ("*" for every cluster). */
  readonly grantsClaim: string;
}

export interface AuthConfig {
  /** SWITCHBOARD_ADMIN_TOKEN: a bootstrap admin that lives in configuration only. */
  readonly adminToken: string | null;
  /** Where users open the dashboard; the demo prints `<url>/login#token=…` with it. */
  readonly dashboardUrl: string | null;
  /** /metrics without a token (for a scraper on a private network). */
  readonly metricsPublic: boolean;
  readonly sessionTtlHours: number;
  /** Secure cookies: always, never, or when the request came over https. */
  readonly cookieSecure: boolean | 'auto';
  /**
   * Which peers' X-Forwarded-For/-Proto are believed (client address for rate limits,
   * https for cookies): a hop count, or the proxies' addresses/ranges (the dashboard's).
   */
  readonly trustProxy: number | readonly string[];
  readonly rateLimits: {
    /** Mutations per identity per minute. */
    readonly mutationsPerMinute: number;
    /** Login attempts per client address per minute. */
    readonly loginsPerMinute: number;
    /** Requests with a bad token per client address per minute before the address is refused. */
    readonly authFailuresPerMinute: number;
  };
  readonly oidc: OidcConfig | null;
}
