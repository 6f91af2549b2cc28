import { readFile, writeFile } from 'node:fs/promises';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { gql } from '../support/api-client.js';
import { type RunningApp, startTestApp } from '../support/test-app.js';

// The committed SDL is the contract clients (the dashboard's typed operations among them)
// are reviewed against. `npm run graphql:schema` rewrites it from the running schema.
const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);
const HEADER = '# The Switchboard API\'s GraphQL schema, printed from the running server.\n# Do not edit: `npm run graphql:schema` rewrites it; apps/api/test/graphql/schema-file.spec.ts fails when it is stale.\n\n';

describe('the committed GraphQL schema', () => {
  let db: TestDatabase;
  let api: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApp(db.config());
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('apps/api/schema.graphql equals the schema the API serves', async () => {
    // As every client sees it: through introspection over HTTP.
    const { data, errors } = await gql(api, getIntrospectionQuery({ descriptions: true }));
    expect(errors).toBeUndefined();
    const running = HEADER + printSchema(buildClientSchema(data)) + '\n';
    if (process.env.UPDATE_GRAPHQL_SCHEMA === '1') await writeFile(SCHEMA_FILE, running);
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
    expect(committed, 'apps/api/schema.graphql is stale: run `npm run graphql:schema` and commit the result').toBe(running);
  });
});
