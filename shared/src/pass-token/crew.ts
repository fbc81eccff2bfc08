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
  /** The name's first character (the surname, mostly); shown masked as `王*`. */
  initial: string;
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

/** `王*`: all a checkpoint learns of a name from the token. */
export const maskedInitial = (claim: PassCrewClaim) => `${claim.initial}*`;

export function encodeCrew(crew: readonly PassCrewClaim[]): CborValue {
  if (crew.length === 0 || crew.length > maxCrewSize) throw new RangeError(`Crew of ${crew.length} cannot be signed`);
  return crew.map((person) => {
    const role = crewRoleCodes[person.role];
    if (role === undefined) throw new RangeError(`Unknown crew role ${person.role}`);
    if (!/^[0-9a-f]+$/.test(person.idDigest) || person.idDigest.length !== crewDigestBytes * 2) {
      throw new RangeError('Crew digest is not hex of the right length');
    }
    if ([...person.initial].length !== 1) throw new RangeError('Crew initial must be one character');
    const digest = new Uint8Array(crewDigestBytes);
    for (let i = 0; i < crewDigestBytes; i++) digest[i] = Number.parseInt(person.idDigest.slice(i * 2, i * 2 + 2), 16);
    return [role, digest, person.initial];
  });
}

/** Undefined when the value is not a crew as `encodeCrew` writes it. */
export function decodeCrew(value: CborValue): PassCrewClaim[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxCrewSize) return undefined;
  const crew: PassCrewClaim[] = [];
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 3) return undefined;
    const [code, digest, initial] = entry;
    const role = typeof code === 'number' ? roleOfCode.get(code) : undefined;
    if (!role || !(digest instanceof Uint8Array) || digest.length !== crewDigestBytes) return undefined;
    if (typeof initial !== 'string' || [...initial].length !== 1) return undefined;
    crew.push({ role, idDigest: toHex(digest), initial });
  }
  return crew;
}
