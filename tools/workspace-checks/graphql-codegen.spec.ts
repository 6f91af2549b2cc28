import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { root } from './project-graph.js';

// The dashboard's typed operations are generated from the committed API schema and
// committed too, so reviews show what a schema change does to the dashboard.
describe('the dashboard’s generated GraphQL types', () => {
  it('are what codegen makes of apps/api/schema.graphql and the dashboard’s operations (run `npm run graphql:schema`)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const { default: config } = await import(path.join(root, 'apps/web/codegen.ts'));
      const files = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      const dir = path.join(root, 'apps/web/lib/graphql/generated');
      const committed = readdirSync(dir).sort();
      expect(files.map((f) => path.basename(f.filename)).sort()).toEqual(committed);
      for (const f of files) expect(readFileSync(path.join(dir, path.basename(f.filename)), 'utf8'), `${f.filename} is stale`).toBe(f.content);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
