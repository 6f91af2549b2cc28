/** The duplicate-host-path key the diagnostics use: host (lower case) + path ("/" when empty). */
export const claimKey = (host: string | null, path: string | null | undefined) => `${host?.toLowerCase() ?? ''}${path || '/'}`;

