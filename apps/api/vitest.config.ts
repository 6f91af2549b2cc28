import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.js';

// Nest needs decorator metadata, which esbuild does not emit: SWC compiles the tests.
export default defineProject({
  plugins: [
    swc.vite({
      module: { type: 'es6' },
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  resolve: { alias: workspaceAliases },
  test: {
    name: 'api',
    include: ['test/**/*.spec.ts', 'src/**/*.spec.ts'],
    environment: 'node',
    // Integration tests share one database server: run spec files one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    // Every answer and log line of the suite is checked for credentials at the end.
    globalSetup: ['test/support/leak-check.global.ts'],
    setupFiles: ['test/support/leak-recorder.setup.ts'],
    hookTimeout: 120_000,
  },
});
