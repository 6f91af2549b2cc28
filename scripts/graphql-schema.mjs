// `npm run graphql:schema`: rewrites apps/api/schema.graphql from the running schema (the
// API's schema test in update mode), then regenerates the dashboard's typed operations
// from it. Run it after changing a resolver, a DTO or a dashboard operation; commit both.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['scripts/prisma-generate.mjs']);
run(bin('vitest'), ['run', '--project', 'api', 'apps/api/test/graphql/schema-file.spec.ts'], { UPDATE_GRAPHQL_SCHEMA: '1' });
run(bin('graphql-codegen'), ['--config', 'apps/web/codegen.ts']);
