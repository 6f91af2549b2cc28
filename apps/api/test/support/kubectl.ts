import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * kubectl against a kube-sim cluster, to check what the product did the way a user
 * would. Always asynchronous: the simulator answering kubectl runs in this process.
 */
export class Kubectl {
  private readonly dir = mkdtempSync(join(tmpdir(), 'switchboard-kubectl-'));
  private readonly file = join(this.dir, 'kubeconfig');

  constructor(kubeconfig: string) {
    writeFileSync(this.file, kubeconfig, { mode: 0o600 });
  }

  async run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('kubectl', ['--kubeconfig', this.file, ...args], { timeout: 30_000 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number | string; stdout?: string; stderr?: string };
      if (e.code === 'ENOENT') throw new Error('kubectl is not installed');
      return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  /** Names of the objects of a resource in a namespace, from `kubectl get -o json`. */
  async names(resource: string, namespace: string): Promise<string[]> {
    const r = await this.run('get', resource, '-n', namespace, '-o', 'json');
    if (r.code !== 0) throw new Error(`kubectl get ${resource} failed: ${r.stderr}`);
    return (JSON.parse(r.stdout) as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name).sort();
  }

  async getJson<T = any>(resource: string, namespace: string, name: string): Promise<T | undefined> {
    const r = await this.run('get', resource, name, '-n', namespace, '-o', 'json');
    if (r.code !== 0) {
      if (/NotFound|not found/.test(r.stderr)) return undefined;
      throw new Error(`kubectl get ${resource}/${name} failed: ${r.stderr}`);
    }
    return JSON.parse(r.stdout) as T;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
