// Generates the Prisma client when prisma/schema.prisma changed since the last run.
// `prisma generate` never executes the schema engine, but the CLI insists the file
// exists; where the engine cannot be downloaded any existing file will do.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const schema = readFileSync(new URL('prisma/schema.prisma', root));
const stamp = new URL('apps/api/src/generated/prisma/.schema-hash', root);
const hash = createHash('sha256').update(schema).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const r = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, hash);
