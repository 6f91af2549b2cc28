import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { decoratorAwareSwc, workspaceAliases } from '../vitest.shared.js';

// `npm run bench` (bench/run.mjs) runs this: one benchmark file at a time, in a fork
// with an exposed GC so memory can be measured after a collection.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [decoratorAwareSwc()],
  resolve: { alias: workspaceAliases },
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    execArgv: ['--expose-gc'],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
