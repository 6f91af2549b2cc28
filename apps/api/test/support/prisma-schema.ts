/**
 * A small reader for the parts of schema.prisma the drift test compares with the
 * migrated database: models, fields (type, optional, list, @db, @map), enums,
 * @@unique/@@index/@@id. Not a general Prisma parser.
 */
export interface PrismaField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  nativeType?: string;
  attributes: string;
  relation: boolean;
}

export interface PrismaModel {
  name: string;
  table: string;
  fields: PrismaField[];
  blockAttributes: string[];
}

export interface PrismaSchema {
  models: PrismaModel[];
  enums: Map<string, string[]>;
}

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

export function parsePrismaSchema(text: string): PrismaSchema {
  const clean = text.replace(/\/\/.*$/gm, '');
  const enums = new Map<string, string[]>();
  // Blocks end at a line holding only "}" (a brace inside a string, e.g. @default("{}"), does not end one).
  for (const m of clean.matchAll(/^enum\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    enums.set(m[1]!, m[2]!.split(/\s+/).filter((w) => /^\w+$/.test(w)));
  }
  const modelNames = new Set([...clean.matchAll(/model\s+(\w+)\s*\{/g)].map((m) => m[1]!));
  const models: PrismaModel[] = [];
  for (const m of clean.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const name = m[1]!;
    const fields: PrismaField[] = [];
    const blockAttributes: string[] = [];
    let table = name;
    for (const raw of m[2]!.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (line.startsWith('@@')) {
        const map = /^@@map\("([^"]+)"\)/.exec(line);
        if (map) table = map[1]!;
        else blockAttributes.push(line);
        continue;
      }
      const f = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!f) continue;
      const [, fieldName, type, list, optional, attributes] = f as unknown as [string, string, string, string | undefined, string | undefined, string];
      const mapped = /@map\("([^"]+)"\)/.exec(attributes);
      const native = /@db\.(\w+(?:\([^)]*\))?)/.exec(attributes);
      fields.push({
        name: fieldName,
        column: mapped ? mapped[1]! : fieldName,
        type,
        list: Boolean(list),
        optional: Boolean(optional),
        nativeType: native?.[1],
        attributes,
        relation: modelNames.has(type) && !SCALARS.has(type),
      });
    }
    models.push({ name, table, fields, blockAttributes });
  }
  return { models, enums };
}

/** The PostgreSQL type Prisma's migrate would create for a scalar or enum field. */
export function expectedPgType(field: PrismaField, enums: Map<string, string[]>): string {
  if (enums.has(field.type)) return field.list ? `"${field.type}"[]` : `"${field.type}"`;
  const native = field.nativeType;
  let base: string;
  if (native) {
    const m = /^(\w+)(?:\((\d+)\))?$/.exec(native)!;
    const n = m[1]!;
    const arg = m[2];
    base =
      n === 'Uuid' ? 'UUID'
      : n === 'Timestamptz' ? `TIMESTAMPTZ(${arg ?? 6})`
      : n === 'Timestamp' ? `TIMESTAMP(${arg ?? 6})`
      : n === 'VarChar' ? `VARCHAR(${arg})`
      : n === 'Text' ? 'TEXT'
      : n.toUpperCase();
  } else {
    base = ({
      String: 'TEXT', Int: 'INTEGER', BigInt: 'BIGINT', Float: 'DOUBLE PRECISION', Decimal: 'DECIMAL(65,30)',
      Boolean: 'BOOLEAN', DateTime: 'TIMESTAMP(3)', Json: 'JSONB', Bytes: 'BYTEA',
    } as Record<string, string>)[field.type]!;
  }
  return field.list ? `${base}[]` : base;
}
