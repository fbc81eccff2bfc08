import { decodeUtf8, encodeUtf8 } from './utf8.js';

/**
 * The subset of CBOR (RFC 8949) a pass token uses, in its deterministic encoding (§4.2.1): integers,
 * byte and text strings, arrays, and maps with integer keys in bytewise order of their encoding.
 *
 * Why not cborg: it constructs a TextEncoder and a TextDecoder when its module loads, and the WeChat
 * runtimes have neither, so importing it would break the mini-program. The tests check this codec
 * against cborg in both directions.
 *
 * Decoding accepts only the deterministic form (shortest integer heads, definite lengths, sorted
 * unique keys, no tags, floats or simple values, nothing after the item), so every value has exactly
 * one byte form and a changed byte cannot yield an equal-looking token.
 */
export type CborValue = number | string | Uint8Array | CborValue[] | CborMap;
export type CborMap = Map<number, CborValue>;

export class CborError extends Error {}

const maxDepth = 8;

function head(major: number, value: number, out: number[]): void {
  const m = major << 5;
  if (value < 24) out.push(m | value);
  else if (value < 0x100) out.push(m | 24, value);
  else if (value < 0x10000) out.push(m | 25, value >> 8, value & 0xff);
  else if (value < 0x100000000) out.push(m | 26, ...uint32(value));
  else out.push(m | 27, ...uint32(Math.floor(value / 0x100000000)), ...uint32(value % 0x100000000));
}

const uint32 = (v: number) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function encodeInto(value: CborValue, out: number[]): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new CborError(`Not a safe integer: ${value}`);
    if (value >= 0) head(0, value, out);
    else head(1, -1 - value, out);
  } else if (typeof value === 'string') {
    const bytes = encodeUtf8(value);
    head(3, bytes.length, out);
    for (const b of bytes) out.push(b);
  } else if (value instanceof Uint8Array) {
    head(2, value.length, out);
    for (const b of value) out.push(b);
  } else if (Array.isArray(value)) {
    head(4, value.length, out);
    for (const item of value) encodeInto(item, out);
  } else {
    const entries = [...value].map(([key, item]) => [encodeCbor(key), item] as const);
    entries.sort(([a], [b]) => compareBytes(a, b));
    head(5, entries.length, out);
    for (const [key, item] of entries) {
      for (const b of key) out.push(b);
      encodeInto(item, out);
    }
  }
}

/** The head of a byte string of `length` bytes, for callers that lay out known bytes themselves. */
export function byteStringHead(length: number): number[] {
  const out: number[] = [];
  head(2, length, out);
  return out;
}

export function encodeCbor(value: CborValue): Uint8Array {
  const out: number[] = [];
  encodeInto(value, out);
  return Uint8Array.from(out);
}

/** The smallest argument each of the 1-, 2-, 4- and 8-byte heads may carry (shortest form). */
const smallestOfWidth = [24, 0x100, 0x10000, 0x100000000] as const;

/**
 * Reads bytes in place: heads and integers without a subarray or an array per call, since a server
 * decodes every scanned token (docs/scaling.md §6.7); only byte strings are copied out.
 */
class Reader {
  pos = 0;
  /** The argument of the head `head()` read last (no object per head). */
  value = 0;
  constructor(readonly bytes: Uint8Array) {}

  /** Moves past `n` bytes and returns where they start. */
  skip(n: number): number {
    if (n > this.bytes.length - this.pos) throw new CborError('Unexpected end of data');
    const start = this.pos;
    this.pos += n;
    return start;
  }

  uint(n: number): number {
    const start = this.skip(n);
    let value = 0;
    for (let i = start; i < start + n; i++) value = value * 256 + this.bytes[i]!;
    return value;
  }

  /** Reads a head: returns its major type and leaves its argument in `value`. */
  head(): number {
    const initial = this.bytes[this.skip(1)]!;
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 6 || major === 7) throw new CborError('Tags, floats and simple values are not allowed');
    if (info < 24) {
      this.value = info;
      return major;
    }
    if (info > 27) throw new CborError('Indefinite lengths and reserved heads are not allowed');
    const value = this.uint(1 << (info - 24));
    const smallest = smallestOfWidth[info - 24]!;
    if (value < smallest) throw new CborError('Integer not in its shortest form');
    if (!Number.isSafeInteger(value)) throw new CborError('Integer too large');
    this.value = value;
    return major;
  }

  item(depth: number): CborValue {
    if (depth > maxDepth) throw new CborError('Nested too deeply');
    const start = this.pos;
    const major = this.head();
    const value = this.value;
    switch (major) {
      case 0:
        return value;
      case 1:
        return -1 - value;
      case 2: {
        const from = this.skip(value);
        return this.bytes.slice(from, from + value);
      }
      case 3: {
        const from = this.skip(value);
        const text = decodeUtf8(this.bytes, from, from + value);
        if (text === undefined) throw new CborError('Text is not valid UTF-8');
        return text;
      }
      case 4: {
        // Every item takes at least one byte: a bound that stops huge counts before allocating.
        if (value > this.bytes.length - this.pos) throw new CborError('Unexpected end of data');
        const items: CborValue[] = [];
        for (let i = 0; i < value; i++) items.push(this.item(depth + 1));
        return items;
      }
      default:
        return this.map(value, depth, start);
    }
  }

  map(count: number, depth: number, start: number): CborMap {
    if (count * 2 > this.bytes.length - this.pos) throw new CborError('Unexpected end of data');
    const map: CborMap = new Map();
    let previousStart = -1;
    let previousEnd = -1;
    for (let i = 0; i < count; i++) {
      const keyStart = this.pos;
      const key = this.item(depth + 1);
      if (typeof key !== 'number') throw new CborError('Map keys must be integers');
      if (previousStart >= 0 && compareRanges(this.bytes, previousStart, previousEnd, keyStart, this.pos) >= 0) {
        throw new CborError(`Map keys not in deterministic order at offset ${start}`);
      }
      previousStart = keyStart;
      previousEnd = this.pos;
      map.set(key, this.item(depth + 1));
    }
    return map;
  }
}

/** `compareBytes` of two ranges of one array, without taking them out. */
function compareRanges(bytes: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < length; i++) {
    const difference = bytes[aStart + i]! - bytes[bStart + i]!;
    if (difference !== 0) return difference;
  }
  return aEnd - aStart - (bEnd - bStart);
}

export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new Reader(bytes);
  const value = reader.item(0);
  if (reader.pos !== bytes.length) throw new CborError('Unexpected data after the item');
  return value;
}
