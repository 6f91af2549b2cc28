import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

/** One answer of the API as the recorder saw it. */
export interface RecordedAnswer {
  method: string;
  path: string;
  status: number;
  contentType: string;
  text: string;
}

type Schema = Record<string, unknown>;
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

export const OPENAPI_PATH = '/api/docs-json';

/**
 * The suite's contract check: the OpenAPI document the API serves is valid (checked
 * with @seriousme/openapi-schema-validator), and every REST answer the tests received
 * is declared by it — the operation, the status, and a body that validates (Ajv)
 * against the declared schema, objects closed: a field the document does not declare
 * is a mismatch too. Answers to paths the document has no operation for at all (a test
 * probing an unknown route) are not part of the contract.
 */
export async function checkContract(answers: RecordedAnswer[]): Promise<{ checked: number; problems: string[]; skipped?: string }> {
  const served = answers.filter((a) => a.path === OPENAPI_PATH && a.status === 200).at(-1);
  if (!served) return { checked: 0, problems: [], skipped: `no test fetched ${OPENAPI_PATH} in this run` };
  const doc = JSON.parse(served.text) as Document;
  const problems: string[] = [];
  const validator = new Validator();
  const verdict = await validator.validate(structuredClone(doc) as Record<string, unknown>);
  if (!verdict.valid) problems.push(`the OpenAPI document is invalid: ${JSON.stringify(verdict.errors).slice(0, 2000)}`);

  const routes = Object.keys(doc.paths)
    .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{[^/]+\}/g, '[^/]+')}$`), literals: template.split('/').filter((s) => s && !s.startsWith('{')).length }))
    .sort((a, b) => b.literals - a.literals);
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the module's default export.
  formats.default(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const components = closedComponents(doc.components ?? {});
  let checked = 0;
  // One line per kind of mismatch (route, status, first complaint), with how often it happened.
  const seen = new Map<string, { line: string; n: number }>();
  const report = (key: string, line: string) => {
    const entry = seen.get(key);
    if (entry) entry.n++;
    else seen.set(key, { line, n: 1 });
  };
  for (const a of answers) {
    if (a.path === OPENAPI_PATH || !(a.path.startsWith('/api/v1/') || a.path === '/healthz' || a.path === '/readyz')) continue;
    const route = routes.find((r) => r.pattern.test(a.path));
    if (!route) continue;
    const where = `${a.method} ${a.path} → ${a.status}`;
    const kind = `${a.method} ${route.template} ${a.status}`;
    const op = doc.paths[route.template]![a.method.toLowerCase()];
    if (!op) {
      if (a.status !== 404 && a.status !== 405) report(kind, `${where}: ${a.method} ${route.template} is not in the document`);
      continue;
    }
    checked++;
    const response = op.responses?.[String(a.status)] ?? op.responses?.default;
    if (!response) {
      report(kind, `${where}: status ${a.status} is not declared for ${a.method} ${route.template}`);
      continue;
    }
    const media = Object.keys(response.content ?? {});
    // A redirect's body (Express's "Found. Redirecting to …") is not part of its contract.
    if (a.status >= 300 && a.status < 400) continue;
    if (!a.text) {
      // An empty body is an answer only where its media type is declared as a string that may be empty (an empty text list).
      const declared = response.content?.[a.contentType.split(';')[0]!.trim()]?.schema as { type?: string; minLength?: number } | undefined;
      const emptyText = declared?.type === 'string' && !declared.minLength;
      if (media.length && a.status !== 204 && !emptyText) report(kind, `${where}: declared ${media.join(', ')} but the answer is empty`);
      continue;
    }
    const type = a.contentType.split(';')[0]!.trim();
    const schema = response.content?.[type]?.schema;
    if (!response.content?.[type]) {
      report(`${kind} ${type}`, `${where}: answered ${type || 'no content type'}, the document declares ${media.join(', ') || 'no body'}`);
      continue;
    }
    if (!schema || type !== 'application/json') continue;
    const key = `${route.template} ${a.method} ${a.status} ${type}`;
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile({ ...closed(schema), components })));
    if (!validate(JSON.parse(a.text))) {
      const first = validate.errors?.[0];
      report(`${kind} ${first?.instancePath.replace(/\/\d+/g, '/*')} ${first?.message}`, `${where}: the body does not match the declared schema: ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 400)}`);
    }
  }
  for (const { line, n } of seen.values()) problems.push(n > 1 ? `${line} (and ${n - 1} more answers like it)` : line);
  return { checked, problems };
}

/**
 * An OpenAPI 3.0 schema as the JSON Schema Ajv checks: objects with declared properties
 * take no others, and `nullable: true` means "this or null" for the whole schema (as
 * OpenAPI tools read it, `allOf: [$ref]` beside it included).
 */
function closed(schema: Schema): Schema {
  const out: Schema = { ...schema };
  const map = (m: unknown) => Object.fromEntries(Object.entries((m ?? {}) as Record<string, Schema>).map(([k, v]) => [k, closed(v)]));
  if (out['properties']) out['properties'] = map(out['properties']);
  if (out['properties'] && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  if (out['additionalProperties'] && typeof out['additionalProperties'] === 'object') out['additionalProperties'] = closed(out['additionalProperties'] as Schema);
  if (out['items']) out['items'] = closed(out['items'] as Schema);
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(out[k])) out[k] = (out[k] as Schema[]).map(closed);
  if (out['nullable'] === true) {
    const { nullable: _n, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

/** The components with every schema closed (see closed). */
function closedComponents(components: NonNullable<Document['components']>): Schema {
  return { schemas: Object.fromEntries(Object.entries(components.schemas ?? {}).map(([k, v]) => [k, closed(v)])) };
}
