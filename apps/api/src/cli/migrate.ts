// `npm run db:migrate`: applies pending migrations to the configured database and exits.
// The API does the same at startup; this is for deploy pipelines that migrate first.
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { defaultMigrationsDir, readMigrationFiles } from '../database/migration-files.js';
import { migrate } from '../database/migrator.js';
import { openDatabase } from '../database/open-database.js';

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const db = await openDatabase(config.database);
  try {
    const files = await readMigrationFiles(defaultMigrationsDir());
    const result = await db.withSession((s) => migrate(s, files));
    for (const name of result.applied) console.log(`applied  ${name}`);
    console.log(`${db.location}: ${result.applied.length} applied, ${result.alreadyApplied.length} already up to date`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
