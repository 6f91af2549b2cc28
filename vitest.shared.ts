import { fileURLToPath } from 'node:url';

// Tests run the TypeScript sources of workspace libraries, not their dist/ builds.
const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const workspaceAliases = {
  '@switchboard/k8s-model': src('./libs/k8s-model/src/index.ts'),
  '@switchboard/kube-sim': src('./libs/kube-sim/src/index.ts'),
};
