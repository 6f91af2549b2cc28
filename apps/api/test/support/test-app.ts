import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { DatabaseService } from '../../src/database/database.service.js';

export interface RunningApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly database: DatabaseService;
  close(): Promise<void>;
}

/** The real application on an ephemeral port, started the way main.ts starts it. */
export async function startTestApp(config: AppConfig, opts: { waitForDatabase?: boolean } = {}): Promise<RunningApp> {
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const database = app.get(DatabaseService);
  void database.start();
  if (opts.waitForDatabase !== false) await database.whenReady();
  return { app, url: `http://127.0.0.1:${port}`, database, close: () => app.close() };
}
