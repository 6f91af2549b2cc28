import type { IncomingMessage } from 'node:http';
import { decodeProtobufObject, PROTOBUF } from './protobuf-objects.js';
import { apiVersionOf, type ResourceDef } from './resources.js';
import { contentTypeOf, readBytes } from './responses.js';
import { badRequest } from './status.js';
import type { KubeObject } from './kube-object.js';

/**
 * The object of a create or update request: JSON, or the protobuf kubectl sends for the
 * objects it builds itself (answers stay JSON, which kubectl accepts as well).
 */
export async function readObject(req: IncomingMessage, def: ResourceDef): Promise<KubeObject> {
  const body = await readBytes(req);
  if (contentTypeOf(req) !== PROTOBUF) return JSON.parse(body.toString('utf8') || '{}') as KubeObject;
  const obj = decodeProtobufObject(body);
  if (obj.apiVersion !== apiVersionOf(def) || obj.kind !== def.kind) {
    throw badRequest(`the API version and kind in the data (${obj.apiVersion}, ${obj.kind}) do not match the expected ones (${apiVersionOf(def)}, ${def.kind})`);
  }
  return obj;
}
