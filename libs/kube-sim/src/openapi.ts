import type { ServerResponse } from 'node:http';
import { wireMessage } from './protobuf-wire.js';
import { apiVersionOf, RESOURCES, type ResourceDef } from './resources.js';
import { json } from './responses.js';

/**
 * A minimal OpenAPI v3 surface: what kubectl reads to decide how to validate. Every
 * write operation declares `fieldValidation` with its group-version-kind, so `kubectl
 * apply` (default --validate=strict) uses server-side validation and sends
 * `fieldValidation=Strict` instead of validating against full schemas kube-sim does not
 * publish. Schemas are open objects (x-kubernetes-preserve-unknown-fields).
 */
const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);
const groupVersions = () => [...new Set(RESOURCES.map((r) => gvPath(r.group, r.version)))];

export function openApiRoot(): unknown {
  return { paths: Object.fromEntries(groupVersions().map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=kube-sim` }])) };
}

const fieldValidation = { name: 'fieldValidation', in: 'query', description: 'Ignore, Warn or Strict', schema: { type: 'string', uniqueItems: true } };
const writeParams = [{ name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } }, { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } }, fieldValidation];

function pathsFor(d: ResourceDef): Record<string, unknown> {
  const gvk = { group: d.group, version: d.version, kind: d.kind };
  const ref = { $ref: `#/components/schemas/${schemaName(d)}` };
  const op = (action: string, extra: object = {}) => ({
    operationId: `${action}${d.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    parameters: writeParams,
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } },
    ...extra,
  });
  const base = `/${gvPath(d.group, d.version)}${d.namespaced ? '/namespaces/{namespace}' : ''}/${d.resource}`;
  return {
    [base]: { post: op('post', { requestBody: { content: { '*/*': { schema: ref } } } }) },
    [`${base}/{name}`]: {
      put: op('put', { requestBody: { content: { '*/*': { schema: ref } } } }),
      patch: op('patch', { requestBody: { content: { 'application/apply-patch+yaml': { schema: { type: 'object' } }, 'application/merge-patch+json': { schema: { type: 'object' } } } } }),
    },
  };
}

const schemaName = (d: ResourceDef) => `io.k8s.sim.${(d.group || 'core').replace(/\./g, '_')}.${d.version}.${d.kind}`;

export function openApiGroupVersion(path: string): unknown | undefined {
  const defs = RESOURCES.filter((d) => `/openapi/v3/${gvPath(d.group, d.version)}` === path);
  if (!defs.length) return undefined;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0-kube-sim' },
    paths: Object.assign({}, ...defs.map(pathsFor)),
    components: {
      schemas: Object.fromEntries(
        defs.map((d) => [
          schemaName(d),
          { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, 'x-kubernetes-group-version-kind': [{ group: d.group, version: d.version, kind: d.kind }], description: `${apiVersionOf(d)} ${d.kind}` },
        ]),
      ),
    },
  };
}

/** What kubectl asks for; the answer is labelled with the spelling Go's mime parser accepts (a dot for the '@'), as kube-openapi does. */
const V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
const V2_PROTOBUF_ANSWER = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const V2_INFO = { title: 'Kubernetes', version: 'v1.32.0-kube-sim' };

/**
 * `/openapi/v2`, which kubectl reads to validate what OpenAPI v3 cannot vouch for (the
 * items of a `kind: List`): a document without definitions, so kubectl skips its
 * client-side schema check (it validates only kinds the document defines) and the
 * server validates. kubectl asks for protobuf (gnostic's openapi.v2.Document: swagger
 * 1, info 2 with title 1 and version 2, paths 8); other clients get JSON.
 */
export function openApiV2(accept: string | undefined, res: ServerResponse): void {
  if (!accept?.includes(V2_PROTOBUF) && !accept?.includes(V2_PROTOBUF_ANSWER)) return json(res, 200, { swagger: '2.0', info: V2_INFO, paths: {} });
  const info = wireMessage([
    [1, V2_INFO.title],
    [2, V2_INFO.version],
  ]);
  const body = wireMessage([
    [1, '2.0'],
    [2, info],
    [8, Buffer.alloc(0)],
  ]);
  res.writeHead(200, { 'content-type': V2_PROTOBUF_ANSWER, 'content-length': String(body.length) });
  res.end(body);
}
