import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from './support/test-database.js';

// The API's PostgreSQL sessions run without JIT (it compiled the catalog's statements for
// seconds to save milliseconds) and keep the session options the operator's URL sets.
describe.skipIf(!usingPostgres)('PostgreSQL sessions', () => {
  let db: TestDatabase;
  let open: OpenDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const url = new URL(db.database.url);
    url.searchParams.set('options', '-c statement_timeout=7s');
    open = await openDatabase({ kind: 'postgres', url: url.toString() });
  });
  afterAll(async () => {
    await open?.close();
    await db?.dispose();
  });

  it('run with JIT off and the options from the database URL', async () => {
    const [jit] = await open.prisma.$queryRawUnsafe<{ jit: string }[]>('SHOW jit');
    const [timeout] = await open.prisma.$queryRawUnsafe<{ statement_timeout: string }[]>('SHOW statement_timeout');
    expect(jit!.jit).toBe('off');
    expect(timeout!.statement_timeout).toBe('7s');
  });
});
