import { sha256 } from '@noble/hashes/sha2.js';
import { fromHex, toHex } from '../pass-token/base64.js';
import {
  findTrustedKeys,
  type IssuingDepartment,
  resolveTrustedKey,
  type TrustList,
} from '../pass-token/trust-list.js';
import { jurisdictionCovers } from '../validation/region.js';
import { openSignedDocument, type SignedDocument } from '../verification/signed-document.js';

/**
 * What one deployment (a province's issuer) publishes about itself at `GET /api/federation/issuer`, as
 * the body of a `SignedDocument` signed with its current pass-signing key. Another deployment imports
 * it to verify this issuer's passes (全国互认); see docs/pass-token.md §9.
 */
export interface IssuerDocument {
  format: 'pass-issuer/1';
  issuerName: string;
  /** Division code of the issuer's jurisdiction; every key of `trustList` is confined to it. */
  issuerRegion: string;
  generatedAt: string;
  /** Where this document is served: importers refresh it from here. */
  documentUrl: string;
  /** Where the issuer's signed status list is served (`?since=<version>` for a delta). */
  statusListUrl: string;
  /** The issuer's public pass page (its `PUBLIC_BASE_URL`; a pass opens at `<this>/V/<digits>`). */
  passPageUrl: string;
  /** Where the issuer's signed whitelist export is served (白名单互认); absent in older documents. */
  whitelistUrl?: string;
  /** Keys and official addresses, as at the issuer's `GET /api/trust-list`. */
  trustList: TrustList;
  departments: IssuingDepartment[];
  /**
   * SHA-256 of the public key that signed this document (its bytes as in the trust list: 32 for
   * Ed25519, 65 for SM2), lower-case hex: read out by phone.
   */
  fingerprint: string;
}

/**
 * SHA-256 of a public key as lower-case hex (64 characters), for either algorithm: the fingerprint is
 * compared by people, not by a verifier, so one well-known digest serves both (SM3 would make a
 * mixed federation read out two kinds).
 */
export function keyFingerprint(publicKey: Uint8Array): string {
  return toHex(sha256(publicKey));
}

/** What a person typed: spaces, colons and dashes dropped, lower case. */
export function normalizeFingerprint(typed: string): string {
  return typed.replace(/[\s:-]/g, '').toLowerCase();
}

export type OpenedIssuerDocument =
  | { ok: true; document: IssuerDocument; signerKid: string; signerFingerprint: string }
  | { ok: false; reason: string };

const fail = (reason: string): OpenedIssuerDocument => ({ ok: false, reason });

/**
 * Checks an issuer document on its own terms: signed by a key of its own trust list, `fingerprint` that
 * key's, and every key confined to the issuer's region. `trustedBy`: additionally require that the
 * signature verifies with one of these keys (an automatic update must be signed by a key already trusted).
 * The shape of `body` must have been validated by the caller (`issuerDocumentSchema`) via `parseBody`.
 */
export function openIssuerDocument(
  signed: SignedDocument,
  parseBody: (json: unknown) => IssuerDocument | undefined,
  trustedBy?: TrustList,
): OpenedIssuerDocument {
  let json: unknown;
  try {
    json = JSON.parse(signed.body);
  } catch {
    return fail('签发方文件不是有效的 JSON');
  }
  const document = parseBody(json);
  if (!document) return fail('签发方文件格式不正确');
  const ownKeys: TrustList = { generatedAt: document.generatedAt, keys: document.trustList.keys };
  // The key of its own list whose signature holds: self-signed, which alone proves nothing but
  // consistency; the fingerprint compared by phone, or `trustedBy`, is what makes it trusted.
  const kid = fromHex(signed.kid);
  const signer = kid
    ? findTrustedKeys(ownKeys, kid).find((k) => openSignedDocument(signed, { ...ownKeys, keys: [k.entry] }))
    : undefined;
  if (!signer) return fail('签发方文件的签名无法用其自身信任列表中的密钥验证');
  if (trustedBy && !openSignedDocument(signed, trustedBy)) return fail('更新的签发方文件不是由已信任的密钥签名');
  const signerFingerprint = keyFingerprint(signer.publicKey);
  if (normalizeFingerprint(document.fingerprint) !== signerFingerprint) return fail('签发方文件中的指纹与签名密钥不符');
  const outside = document.trustList.keys.find((k) => !jurisdictionCovers(document.issuerRegion, k.issuerRegion));
  if (outside)
    return fail(`密钥 ${outside.kid} 的辖区 ${outside.issuerRegion} 超出签发方辖区 ${document.issuerRegion}`);
  const strayDepartment = document.departments.find((d) => !jurisdictionCovers(document.issuerRegion, d.regionCode));
  if (strayDepartment) return fail(`核发单位辖区 ${strayDepartment.regionCode} 超出签发方辖区`);
  const badKey = document.trustList.keys.find((k) => !resolveTrustedKey(k));
  if (badKey) return fail(`密钥 ${badKey.kid} 的公钥格式不正确`);
  return { ok: true, document, signerKid: signer.entry.kid, signerFingerprint };
}

/** The trust list verification uses for an issuer: its keys and official addresses, with its departments. */
export function issuerTrustList(document: IssuerDocument): TrustList {
  return { ...document.trustList, departments: document.departments };
}
