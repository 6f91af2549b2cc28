import { readFileSync } from 'node:fs';
import type { KubeConfig, User } from '@kubernetes/client-node';

/** client-node does not export its Authenticator interface. */
type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];

/** The kubeconfig auth-provider name under which a cluster's token is a file path. */
export const TOKEN_FILE_PROVIDER = 'switchboard-token-file';

/** Like client-go, reread at most once a minute: the kubelet rotates the file well before expiry. */
const REREAD_MS = 60_000;

/**
 * A bearer token read from a file: the service-account token Kubernetes mounts into a
 * pod, which the kubelet rotates, so it is never copied into the database. One per
 * KubeConfig (client-node's own FileAuth is shared by every KubeConfig of the process
 * and does not trim the file).
 */
export class TokenFileAuth implements Authenticator {
  private token: string | null = null;
  private readAt = 0;

  constructor(private readonly file: string) {}

  isAuthProvider(user: User): boolean {
    return user.authProvider?.name === TOKEN_FILE_PROVIDER;
  }

  async applyAuthentication(_user: User, opts: Parameters<Authenticator['applyAuthentication']>[1]): Promise<void> {
    if (this.token === null || Date.now() - this.readAt > REREAD_MS) {
      this.token = readFileSync(this.file, 'utf8').trim();
      this.readAt = Date.now();
    }
    opts.headers = { ...opts.headers, Authorization: `Bearer ${this.token}` };
  }
}
