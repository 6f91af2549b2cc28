import { defineProject } from 'vitest/config';
import { decoratorAwareSwc, workspaceAliases } from '../../vitest.shared.js';

export default defineProject({
  plugins: [decoratorAwareSwc()],
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
