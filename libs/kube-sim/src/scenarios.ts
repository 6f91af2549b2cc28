import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from './kube-object.js';

/** The seed scenarios ship with kube-sim (copied from the team's shared fixtures). */
export function seedScenarioDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'scenarios', 'seed');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('kube-sim scenarios/seed folder not found');
    dir = parent;
  }
}

/** Every object of every *.yaml / *.yml / *.json file of a folder, in file-name order (like kubectl apply -f dir). */
export function loadManifests(dir: string): KubeObject[] {
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  const out: KubeObject[] = [];
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const obj = doc.toJS() as KubeObject | null;
      if (obj && typeof obj === 'object' && obj.kind) out.push(obj);
    }
  }
  return out;
}

/**
 * The seed scenario's two kubectl commands as objects: `kubectl run hello-pod
 * --image=hello:1 --port=8080` and `kubectl expose pod hello-pod --name=hello-svc
 * --target-port=8080 --type=NodePort` (node port allocated by the server).
 */
export function seedCommandObjects(): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'hello-pod', namespace: 'default', labels: { run: 'hello-pod' } },
      spec: { containers: [{ name: 'hello-pod', image: 'hello:1', ports: [{ containerPort: 8080 }] }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'hello-svc', namespace: 'default', labels: { run: 'hello-pod' } },
      spec: { type: 'NodePort', selector: { run: 'hello-pod' }, ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080 }] },
    },
  ];
}
