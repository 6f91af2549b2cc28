import type { KubeObject } from './kube-object.js';

/**
 * JSON of stored objects, computed once per object. Stored objects are never changed in
 * place (every write stores a new object), so the text stays right; a list page, a get
 * and the watch events of one write to many watchers then share one serialisation, as
 * the API server's watch cache shares one encoding of an event among its watchers.
 */
const texts = new WeakMap<object, string>();

export function objectJson(obj: KubeObject): string {
  let text = texts.get(obj);
  if (text === undefined) {
    text = JSON.stringify(obj);
    texts.set(obj, text);
  }
  return text;
}

/** One line of a watch stream, byte for byte what JSON.stringify({ type, object }) gives. */
export function eventLine(type: string, obj: KubeObject): string {
  return `{"type":"${type}","object":${objectJson(obj)}}\n`;
}

/** A list body (`{kind, apiVersion, metadata, items}`) from the items' cached JSON. */
export function listJson(head: { kind: string; apiVersion: string; metadata: Record<string, unknown> }, items: KubeObject[]): string {
  const start = JSON.stringify(head).slice(0, -1);
  return `${start},"items":[${items.map(objectJson).join(',')}]}`;
}
