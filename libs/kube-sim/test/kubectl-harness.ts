import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type SimCluster, type SimClusterOptions, startCluster } from '../src/index.js';

const run = promisify(execFile);

/** kubectl-driven tests are skipped where kubectl is not installed. */
export const hasKubectl = await run('kubectl', ['version', '--client']).then(
  () => true,
  () => false,
);

/** A simulated cluster with a kubeconfig on disk, and kubectl pointed at it. */
export interface KubectlCluster {
  readonly sim: SimCluster;
  /** kubectl's stdout; rejects when kubectl fails. */
  kubectl(...args: string[]): Promise<string>;
  /** kubectl's stderr of a command expected to fail ('' if it succeeded). */
  failing(...args: string[]): Promise<string>;
  /** `kubectl get … -o json`, parsed. */
  getJson(...args: string[]): Promise<any>;
  /** Writes a file next to the kubeconfig and returns its path (for `kubectl apply -f`). */
  file(name: string, text: string): string;
  stop(): Promise<void>;
}

export async function kubectlCluster(options: SimClusterOptions): Promise<KubectlCluster> {
  const sim = await startCluster(options);
  const dir = mkdtempSync(join(tmpdir(), `kube-sim-${options.name}-`));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, sim.kubeconfig());
  const kubectl = async (...args: string[]) => (await run('kubectl', ['--kubeconfig', kubeconfig, ...args])).stdout;
  return {
    sim,
    kubectl,
    failing: (...args) =>
      run('kubectl', ['--kubeconfig', kubeconfig, ...args]).then(
        () => '',
        (e: { stderr: string }) => e.stderr,
      ),
    getJson: async (...args) => JSON.parse(await kubectl('get', ...args, '-o', 'json')),
    file(name, text) {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
    async stop() {
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
