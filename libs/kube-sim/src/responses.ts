import type { IncomingMessage, ServerResponse } from 'node:http';
import { objectJson } from './serialize.js';
import type { KubeStatus } from './status.js';
import type { KubeObject } from './kube-object.js';

/** Writing answers and reading request bodies, shared by the API handlers. */

export const sendText = (res: ServerResponse, code: number, text: string, headers: Record<string, string> = {}) => {
  if (res.headersSent) return;
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

export const json = (res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}) => sendText(res, code, JSON.stringify(body), headers);

/** A stored object (or a write's result): its JSON is cached and shared with its watch event. */
export const sendObject = (res: ServerResponse, code: number, obj: KubeObject) => sendText(res, code, objectJson(obj));

export const sendStatus = (res: ServerResponse, s: KubeStatus) =>
  json(res, s.code, s, s.details?.retryAfterSeconds ? { 'retry-after': String(s.details.retryAfterSeconds) } : {});

export async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** The media type of a request body, without parameters. */
export const contentTypeOf = (req: IncomingMessage) => (req.headers['content-type'] ?? '').split(';')[0]!.trim();
