import { jurisdictionCovers } from '../validation/region.js';
import { decodeBase64, toHex } from './base64.js';
import { urlOrigin } from './pass-url.js';
import { type SignatureScheme, schemeOfKey } from './signature-schemes.js';

/**
 * The public keys a checkpoint trusts, as served at `GET /api/trust-list`. Lists of several issuers
 * (provinces) can be merged by concatenating `keys`.
 */
export interface TrustedKey {
  /** Key id, lower-case hex, as in the token's protected header. */
  kid: string;
  /** `EdDSA`/`Ed25519`, or `SM2`/`SM2` (SM2 with SM3 and the standard user id): the verifier's choice. */
  alg: 'EdDSA' | 'SM2';
  crv: 'Ed25519' | 'SM2';
  /** base64url: the 32-byte Ed25519 key, or the 65-byte uncompressed SM2 point (04 ‖ x ‖ y). */
  publicKey: string;
  /** ISO 8601: the key signs passes from this instant… */
  validFrom: string;
  /** …until this one; null while it is the current key. */
  validTo: string | null;
  issuerName: string;
  /** Division code of the issuer's jurisdiction; the key may sign only passes numbered within it. */
  issuerRegion: string;
}

export interface TrustList {
  /** ISO 8601 instant the list was built; how stale a device's copy is. */
  generatedAt: string;
  keys: TrustedKey[];
  /**
   * The official verification addresses (`https://pass.example.gov.cn`, as `urlOrigin` spells them)
   * whose pass URLs the issuers of this list print. A scanned URL elsewhere is flagged even when its
   * token is genuine. Lists of several issuers merge by taking the union. Absent in lists from before
   * this field: then no address is checked.
   */
  passUrlOrigins?: string[];
  /**
   * The departments that issue passes, per jurisdiction: whom a checkpoint names and phones about a
   * pass. Lists of several issuers merge by concatenation. Absent in lists from before this field.
   */
  departments?: IssuingDepartment[];
}

/** 核发单位 of one jurisdiction and its duty phone (值班电话), as the admin records them. */
export interface IssuingDepartment {
  /** Division code of the jurisdiction; a pass number starts with the code of its issuing one. */
  regionCode: string;
  /** 南京市工业和信息化局 */
  name: string;
  /** 025-83456789 or a mobile number. */
  dutyPhone: string;
}

/**
 * The department that issued passes numbered under `issuerCode`: its own jurisdiction's record, else
 * the nearest jurisdiction above it that has one (a city department answering for its districts).
 */
export function issuingDepartmentOf(list: TrustList, issuerCode: string): IssuingDepartment | undefined {
  const covering = (list.departments ?? []).filter((d) => jurisdictionCovers(d.regionCode, issuerCode));
  // The most specific first: fewer trailing zeros means a smaller jurisdiction.
  const rank = (code: string) => (code === issuerCode ? 0 : code.endsWith('0000') ? 2 : 1);
  return covering.sort((a, b) => rank(a.regionCode) - rank(b.regionCode))[0];
}

/** "南京市工业和信息化局（值班电话 025-83456789）": how advice texts name whom to call. */
export const departmentContact = (department: IssuingDepartment) =>
  `${department.name}（值班电话 ${department.dutyPhone}）`;

/** True when the list names official addresses and `origin` is none of them. */
export function isUnofficialOrigin(list: TrustList, origin: string | undefined): boolean {
  const official = list.passUrlOrigins ?? [];
  if (official.length === 0) return false;
  return origin === undefined || !official.some((entry) => urlOrigin(entry) === origin);
}

export interface ResolvedKey {
  entry: TrustedKey;
  /** The key's algorithm, which alone decides how its signatures are checked. */
  scheme: SignatureScheme;
  publicKey: Uint8Array;
}

/**
 * Entries already resolved, with the fields they were resolved from: a trust list is kept for minutes
 * and its keys are looked up on every scan (and a server's native check keeps its prepared key per
 * decoded key, docs/scaling.md §6.7). An entry whose fields changed since is resolved again.
 */
const resolvedEntries = new WeakMap<
  TrustedKey,
  { alg: string; crv: string; publicKey: string; resolved: ResolvedKey | undefined }
>();

/** The entry's algorithm and decoded key; undefined when the pair is unknown or the key has the wrong length. */
export function resolveTrustedKey(entry: TrustedKey): ResolvedKey | undefined {
  const kept = resolvedEntries.get(entry);
  if (kept && kept.alg === entry.alg && kept.crv === entry.crv && kept.publicKey === entry.publicKey) {
    return kept.resolved;
  }
  const scheme = schemeOfKey(entry);
  const publicKey = decodeBase64(entry.publicKey);
  const resolved = scheme && publicKey?.length === scheme.publicKeyLength ? { entry, scheme, publicKey } : undefined;
  resolvedEntries.set(entry, { alg: entry.alg, crv: entry.crv, publicKey: entry.publicKey, resolved });
  return resolved;
}

/** Every entry for the key id whose public key is well formed (ids are short, so allow collisions). */
export function findTrustedKeys(list: TrustList, kid: Uint8Array): ResolvedKey[] {
  const hex = toHex(kid);
  // A loop rather than flatMap with a closure and an array per entry: asked twice on every online scan.
  const found: ResolvedKey[] = [];
  for (const entry of list.keys) {
    const resolved = entry.kid.toLowerCase() === hex && resolveTrustedKey(entry);
    if (resolved) found.push(resolved);
  }
  return found;
}
