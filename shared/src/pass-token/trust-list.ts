import { decodeBase64, toHex } from './base64.js';
import { urlOrigin } from './pass-url.js';

/**
 * The public keys a checkpoint trusts, as served at `GET /api/trust-list`. Lists of several issuers
 * (provinces) can be merged by concatenating `keys`.
 */
export interface TrustedKey {
  /** Key id, lower-case hex, as in the token's protected header. */
  kid: string;
  alg: 'EdDSA';
  crv: 'Ed25519';
  /** The 32-byte public key, base64url. */
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
}

/** True when the list names official addresses and `origin` is none of them. */
export function isUnofficialOrigin(list: TrustList, origin: string | undefined): boolean {
  const official = list.passUrlOrigins ?? [];
  if (official.length === 0) return false;
  return origin === undefined || !official.some((entry) => urlOrigin(entry) === origin);
}

export interface ResolvedKey {
  entry: TrustedKey;
  publicKey: Uint8Array;
}

/** Every entry for the key id whose public key is well formed (ids are short, so allow collisions). */
export function findTrustedKeys(list: TrustList, kid: Uint8Array): ResolvedKey[] {
  const hex = toHex(kid);
  return list.keys.flatMap((entry) => {
    if (entry.kid.toLowerCase() !== hex || entry.alg !== 'EdDSA' || entry.crv !== 'Ed25519') return [];
    const publicKey = decodeBase64(entry.publicKey);
    return publicKey?.length === 32 ? [{ entry, publicKey }] : [];
  });
}
