import { sha256 } from '@noble/hashes/sha2.js';
import { type CrewRole, maxCrewSize } from '../crew.js';
import { validateIdNumber } from '../validation/id-number.js';
import { toHex } from './base64.js';
import type { CborValue } from './cbor.js';
import { encodeUtf8 } from './utf8.js';

/**
 * One person of the crew as the token carries them: never the ID number, only a short digest of it
 * salted with the pass number, so a checkpoint can tell whether a typed ID number is the one on the
 * pass, offline, while the same person's digests on two passes cannot be joined (docs/pass-token.md §3).
 */
export interface PassCrewClaim {
  role: CrewRole;
  /** The first `crewDigestBytes` bytes of the salted SHA-256 of the ID number, lower-case hex. */
  idDigest: string;
  /**
   * The name's first character (the surname, mostly), shown masked as `王*`; absent when the issuer
   * left the initials out to keep the QR code within its size limit.
   */
  initial?: string;
}

/** 16 bits: see docs/pass-token.md §3 for why this length and what it does and does not protect. */
export const crewDigestBytes = 2;

/** Codes of the crew roles in the token; like every code, never reused. */
export const crewRoleCodes: Readonly<Record<CrewRole, number>> = { driver: 1, co_driver: 2, escort: 3 };

const roleOfCode = new Map<number, CrewRole>(
  Object.entries(crewRoleCodes).map(([role, code]) => [code, role as CrewRole]),
);

/** Domain separation, so this digest is never the same as a hash of the ID number made for anything else. */
const digestLabel = 'pass-crew-id-v1';

/**
 * The salted digest of an already canonical ID number (18 characters, upper-case X). The salt is the
 * pass number: unique per pass, known to every verifier offline.
 */
export function crewIdDigest(passNumber: string, idNumber: string): string {
  const hash = sha256(encodeUtf8(`${digestLabel}|${passNumber}|${idNumber}`));
  return toHex(hash.subarray(0, crewDigestBytes));
}

/** What the issuer signs for each person: role, digest, initial. */
export function crewClaimsOf(
  passNumber: string,
  crew: readonly { role: CrewRole; idNumber: string; name: string }[],
): PassCrewClaim[] {
  return crew.map((person) => ({
    role: person.role,
    idDigest: crewIdDigest(passNumber, person.idNumber),
    initial: [...person.name.trim()][0] ?? '',
  }));
}

export type CrewCheck = { ok: false; message: string } | { ok: true; idNumber: string; matches: PassCrewClaim[] };

/**
 * Checks a typed (or scanned) ID number against a pass's crew: invalid input is reported as such, so
 * a typo is not read as "not on the pass"; otherwise the people whose digest matches (none: 不一致).
 */
export function checkCrewIdNumber(
  passNumber: string,
  crew: readonly PassCrewClaim[],
  input: string,
  today?: string,
): CrewCheck {
  const id = validateIdNumber(input, today ? { today } : {});
  if (!id.ok) return { ok: false, message: id.message };
  const digest = crewIdDigest(passNumber, id.value);
  return { ok: true, idNumber: id.value, matches: crew.filter((person) => person.idDigest === digest) };
}

/** `王*`: all a checkpoint learns of a name from the token; empty when the token carries no initials. */
export const maskedInitial = (claim: PassCrewClaim) => (claim.initial ? `${claim.initial}*` : '');

/**
 * Key 12, the crew as one byte string: a byte of roles (2 bits per person, person i at bits 2i,
 * least significant first, unused bits 0), then each person's digest. 7 bytes for a crew of three.
 */
export function encodeCrewDigests(crew: readonly PassCrewClaim[]): Uint8Array {
  if (crew.length === 0 || crew.length > maxCrewSize) throw new RangeError(`Crew of ${crew.length} cannot be signed`);
  const out = new Uint8Array(1 + crew.length * crewDigestBytes);
  crew.forEach((person, i) => {
    const role = crewRoleCodes[person.role];
    if (role === undefined) throw new RangeError(`Unknown crew role ${person.role}`);
    if (!/^[0-9a-f]+$/.test(person.idDigest) || person.idDigest.length !== crewDigestBytes * 2) {
      throw new RangeError('Crew digest is not hex of the right length');
    }
    out[0]! |= role << (2 * i);
    for (let b = 0; b < crewDigestBytes; b++) {
      out[1 + i * crewDigestBytes + b] = Number.parseInt(person.idDigest.slice(b * 2, b * 2 + 2), 16);
    }
  });
  return out;
}

/**
 * Key 13, the initials: one text of exactly one character per person, in crew order. Only when every
 * person has one; the issuer leaves it out when it would push the QR code over its size limit.
 */
export function encodeCrewInitials(crew: readonly PassCrewClaim[]): string | undefined {
  if (!crew.every((person) => person.initial !== undefined)) return undefined;
  for (const person of crew) {
    if ([...(person.initial ?? '')].length !== 1) throw new RangeError('Crew initial must be one character');
  }
  return crew.map((person) => person.initial).join('');
}

/** Undefined when the values are not a crew as the encoders above write it. */
export function decodeCrew(digests: CborValue, initials: CborValue | undefined): PassCrewClaim[] | undefined {
  if (!(digests instanceof Uint8Array)) return undefined;
  const size = (digests.length - 1) / crewDigestBytes;
  if (!Number.isInteger(size) || size < 1 || size > maxCrewSize) return undefined;
  // Bits beyond the last person must be 0: one encoding per crew.
  if (digests[0]! >> (2 * size) !== 0) return undefined;
  const characters = typeof initials === 'string' ? [...initials] : undefined;
  if (initials !== undefined && characters?.length !== size) return undefined;
  const crew: PassCrewClaim[] = [];
  for (let i = 0; i < size; i++) {
    const role = roleOfCode.get((digests[0]! >> (2 * i)) & 3);
    if (!role) return undefined;
    const digest = toHex(digests.subarray(1 + i * crewDigestBytes, 1 + (i + 1) * crewDigestBytes));
    crew.push({ role, idDigest: digest, ...(characters ? { initial: characters[i]! } : {}) });
  }
  return crew;
}
