import { defineProject } from 'vitest/config';
import { workspaceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'web',
    include: ['test/**/*.spec.ts'],
    environment: 'node',
    // The production dashboard is built once, before any browser opens it.
    globalSetup: ['test/build-dashboard.global.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
