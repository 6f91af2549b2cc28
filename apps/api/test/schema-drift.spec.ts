import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrationFiles } from '../src/database/migration-files.js';
import { migrate } from '../src/database/migrator.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { expectedPgType, parsePrismaSchema, type PrismaSchema } from './support/prisma-schema.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

interface Column {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  pg_type: string;
}

/** format_type() spellings → the names Prisma's migrations use. */
function normalisePgType(t: string): string {
  return t
    .replace(/^text/, 'TEXT')
    .replace(/^integer/, 'INTEGER')
    .replace(/^bigint/, 'BIGINT')
    .replace(/^double precision/, 'DOUBLE PRECISION')
    .replace(/^boolean/, 'BOOLEAN')
    .replace(/^jsonb/, 'JSONB')
    .replace(/^bytea/, 'BYTEA')
    .replace(/^uuid/, 'UUID')
    .replace(/^timestamp\((\d)\) with time zone/, 'TIMESTAMPTZ($1)')
    .replace(/^timestamp\((\d)\) without time zone/, 'TIMESTAMP($1)')
    .replace(/^character varying\((\d+)\)/, 'VARCHAR($1)');
}

describe('migrated database matches prisma/schema.prisma', () => {
  let db: TestDatabase;
  let open: OpenDatabase;
  let schema: PrismaSchema;
  let columns: Column[];
  let indexes: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    open = await openDatabase(db.database);
    await open.withSession(async (s) => migrate(s, await readMigrationFiles(defaultMigrationsDir())));
    const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));
    schema = parsePrismaSchema(await readFile(schemaPath, 'utf8'));
    columns = await open.withSession((s) =>
      s.query<Column>(
        `SELECT c.relname AS table_name, a.attname AS column_name,
                CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,
                format_type(a.atttypid, a.atttypmod) AS pg_type
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
      ),
    );
    indexes = (
      await open.withSession((s) => s.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`))
    ).map((r) => r.indexname);
  });
  afterAll(async () => {
    await open?.close();
    await db?.dispose();
  });

  it('has every model as a table and no unknown tables', () => {
    const tables = new Set(columns.map((c) => c.table_name));
    const expected = schema.models.map((m) => m.table);
    expect(expected.length).toBeGreaterThan(10);
    for (const t of expected) expect(tables, `table ${t}`).toContain(t);
    const unknown = [...tables].filter((t) => t !== '_prisma_migrations' && !expected.includes(t));
    expect(unknown).toEqual([]);
  });

  it('has every field as a column with a compatible type and nullability', () => {
    const problems: string[] = [];
    for (const model of schema.models) {
      const modelColumns = columns.filter((c) => c.table_name === model.table);
      const scalarFields = model.fields.filter((f) => !f.relation);
      for (const field of scalarFields) {
        const col = modelColumns.find((c) => c.column_name === field.column);
        if (!col) {
          problems.push(`${model.name}.${field.name}: column "${field.column}" missing`);
          continue;
        }
        const want = expectedPgType(field, schema.enums).replace(/"/g, '');
        const got = normalisePgType(col.pg_type).replace(/"/g, '');
        if (want !== got) problems.push(`${model.name}.${field.name}: type ${got}, schema wants ${want}`);
        const nullable = field.optional || field.list;
        if ((col.is_nullable === 'YES') !== nullable && !field.list) {
          problems.push(`${model.name}.${field.name}: nullable=${col.is_nullable}, schema says ${nullable ? 'optional' : 'required'}`);
        }
      }
      for (const col of modelColumns) {
        if (!scalarFields.some((f) => f.column === col.column_name)) problems.push(`${model.table}.${col.column_name}: column not in schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the enums with the same values', async () => {
    const rows = await open.withSession((s) =>
      s.query<{ name: string; value: string }>(
        `SELECT t.typname AS name, e.enumlabel AS value FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
      ),
    );
    for (const [name, values] of schema.enums) {
      expect(rows.filter((r) => r.name === name).map((r) => r.value), `enum ${name}`).toEqual(values);
    }
  });

  it('has the unique constraints and indexes the schema declares', () => {
    const missing: string[] = [];
    for (const model of schema.models) {
      for (const attr of model.blockAttributes) {
        const m = /^@@(unique|index)\(\[([^\]]+)\]/.exec(attr);
        if (!m) continue;
        const cols = m[2]!.split(',').map((c) => c.trim().replace(/\(.*\)$/, ''));
        const name = `${model.table}_${cols.join('_')}_${m[1] === 'unique' ? 'key' : 'idx'}`;
        if (!indexes.includes(name)) missing.push(name);
      }
      for (const field of model.fields) {
        if (/@unique\b/.test(field.attributes) && !indexes.includes(`${model.table}_${field.column}_key`)) {
          missing.push(`${model.table}_${field.column}_key`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
