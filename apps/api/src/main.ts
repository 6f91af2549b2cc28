import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError } from './config/config-error.js';
import { loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { DatabaseService } from './database/database.service.js';
import { GracefulShutdown } from './lifecycle/graceful-shutdown.service.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await createApp(config);
  const logger = new Logger('Switchboard');
  // Drain first (listener closed, leases released, subscribers told to reconnect, requests
  // finished), then close what is left and exit 0: a stop the orchestrator asked for is no failure.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void app
        .get(GracefulShutdown)
        .run(signal)
        .then(() => app.close())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            logger.error(`shutdown failed: ${err instanceof Error ? err.stack : String(err)}`);
            process.exit(1);
          },
        );
    });
  }
  // Listen first so /healthz and /readyz answer while the database comes up.
  await app.listen(config.port, config.host);
  logger.log(`API on http://localhost:${config.port} (GraphQL /graphql, REST /api/v1, docs /api/docs)`);
  const database = app.get(DatabaseService);
  void database.start();
  try {
    await database.whenReady();
  } catch {
    logger.error('Stopping: the database cannot be used (see the error above).');
    await app.close();
    process.exit(1);
  }
}

void main();
