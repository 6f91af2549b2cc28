/**
 * The protocol-buffer wire format: reading, enough to take apart the bodies kubectl
 * sends (see protobuf-objects.ts), and writing the few length-delimited fields of the
 * one protobuf answer kube-sim gives (the OpenAPI v2 document, see openapi.ts).
 */
export interface WireField {
  number: number;
  /** 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit. */
  wireType: number;
  /** Varints and fixed numbers (64-bit values as BigInt-exact integers). */
  value?: bigint;
  bytes?: Buffer;
}

export class WireError extends Error {}

function varint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (let i = at; i < buf.length && shift < 70n; i++) {
    const b = buf[i]!;
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if (!(b & 0x80)) return [value, i + 1];
  }
  throw new WireError('truncated or overlong varint');
}

/** The fields of one message, in the order they were written. */
export function* wireFields(buf: Buffer): Generator<WireField> {
  let at = 0;
  while (at < buf.length) {
    const [key, next] = varint(buf, at);
    at = next;
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (number === 0) throw new WireError('field number 0');
    if (wireType === 0) {
      const [value, after] = varint(buf, at);
      at = after;
      yield { number, wireType, value };
    } else if (wireType === 2) {
      const [length, after] = varint(buf, at);
      const end = after + Number(length);
      if (end > buf.length) throw new WireError('length beyond the end of the message');
      yield { number, wireType, bytes: buf.subarray(after, end) };
      at = end;
    } else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      if (at + size > buf.length) throw new WireError('truncated fixed-width field');
      yield { number, wireType, value: wireType === 1 ? buf.readBigUInt64LE(at) : BigInt(buf.readUInt32LE(at)) };
      at += size;
    } else {
      throw new WireError(`unsupported wire type ${wireType}`);
    }
  }
}

/** A varint as the signed 64-bit integer Go wrote (int32 and int64 fields). */
export const signed = (v: bigint) => Number(BigInt.asIntN(64, v));

function varintBytes(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}

/** A message of length-delimited fields (strings and embedded messages), in the order given. */
export function wireMessage(fields: [number: number, value: string | Buffer][]): Buffer {
  return Buffer.concat(
    fields.flatMap(([number, value]) => {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      return [varintBytes((number << 3) | 2), varintBytes(bytes.length), bytes];
    }),
  );
}
