import { encodeBase64 } from '../pass-token/base64.js';
import { type PassTokenStatus, type StatusList, statusListBits } from '../pass-token/status-list.js';

/** A change of one pass's status since an earlier version of the list. */
export type StatusChange = readonly [statusIndex: number, status: PassTokenStatus];

/**
 * What a checkpoint device asks for with the version it holds: the whole list the first time (or
 * when it is too far behind), afterwards only what changed, so a day offline costs a few bytes.
 */
export type StatusListUpdate =
  | { kind: 'full'; version: number; generatedAt: string; size: number; bits: string }
  | { kind: 'delta'; since: number; version: number; generatedAt: string; size: number; changes: StatusChange[] };

/** The device's list after an update; a delta that does not start at the device's version is refused. */
export function applyStatusListUpdate(current: StatusList | undefined, update: StatusListUpdate): StatusList {
  if (update.kind === 'full') return { version: update.version, generatedAt: update.generatedAt, bits: update.bits };
  if (!current || current.version !== update.since) {
    throw new RangeError(`Delta from version ${update.since} does not apply to version ${current?.version ?? 'none'}`);
  }
  const old = statusListBits(current) ?? new Uint8Array(0);
  const bits = new Uint8Array(Math.max(old.length, Math.ceil(update.size / 4)));
  bits.set(old);
  for (const [index, status] of update.changes) {
    const shift = 2 * (index & 3);
    bits[index >> 2] = (bits[index >> 2]! & ~(3 << shift)) | ((status & 3) << shift);
  }
  return { version: update.version, generatedAt: update.generatedAt, bits: encodeBase64(bits) };
}
