import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';

// Tests run the TypeScript sources of workspace libraries, not their dist/ builds.
const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const workspaceAliases = {
  '@switchboard/k8s-model': src('./libs/k8s-model/src/index.ts'),
  '@switchboard/kube-sim': src('./libs/kube-sim/src/index.ts'),
};

/** Nest needs decorator metadata, which esbuild does not emit: SWC compiles API code under test. */
export const decoratorAwareSwc = () =>
  swc.vite({
    module: { type: 'es6' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
  });
