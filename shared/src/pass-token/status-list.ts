import { decodeBase64, encodeBase64 } from './base64.js';

/**
 * The revocation status list: 2 bits per status index, so a province's million passes cost 250 kB
 * (less compressed) and a checkpoint can hold it offline. Entry `i` is in byte `i >> 2`, at bits
 * `2·(i & 3)` and up (least significant first). Issuers append indexes in order; an index beyond the
 * end belongs to a pass issued after the list was built.
 */
export const PassTokenStatus = {
  Valid: 0,
  Revoked: 1,
  Superseded: 2,
  /** Reserved; read as revoked so that a verifier older than its meaning fails closed. */
  Reserved: 3,
} as const;

export type PassTokenStatus = (typeof PassTokenStatus)[keyof typeof PassTokenStatus];

export interface StatusList {
  /** Grows with every published list, so a device keeps the newest it has seen. */
  version: number;
  /** ISO 8601 instant the list was built. */
  generatedAt: string;
  /** The bitset, base64 as published or already decoded. */
  bits: string | Uint8Array;
}

export function statusListBits(list: Pick<StatusList, 'bits'>): Uint8Array | undefined {
  return typeof list.bits === 'string' ? decodeBase64(list.bits) : list.bits;
}

/** Undefined when the list does not reach the index. */
export function statusAt(bits: Uint8Array, index: number): PassTokenStatus | undefined {
  const byte = bits[index >> 2];
  if (!Number.isInteger(index) || index < 0 || byte === undefined) return undefined;
  return ((byte >> (2 * (index & 3))) & 3) as PassTokenStatus;
}

/** Builds the bitset from the statuses that are not `valid`; `size` is the number of indexes issued. */
export function buildStatusListBits(size: number, entries: Iterable<readonly [number, PassTokenStatus]>): Uint8Array {
  const bits = new Uint8Array(Math.ceil(size / 4));
  for (const [index, status] of entries) {
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`Status index ${index} out of range`);
    }
    const shift = 2 * (index & 3);
    bits[index >> 2] = (bits[index >> 2]! & ~(3 << shift)) | ((status & 3) << shift);
  }
  return bits;
}

/** The JSON form a server publishes. */
export function encodeStatusList(version: number, generatedAt: Date, bits: Uint8Array): StatusList & { bits: string } {
  return { version, generatedAt: generatedAt.toISOString(), bits: encodeBase64(bits) };
}
