import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { encodeBase64Url, type SignatureCheck, toHex } from '@pass/shared';

/** Trust lists hold a handful of keys; building the KeyObject is the costly part, so keep each one. */
const keyObjects = new Map<string, KeyObject>();
/**
 * By the decoded key's array, which the shared verifier keeps per trust-list entry: no hex string per
 * scan. The bytes are compared too, in case a caller reuses an array for another key.
 */
const keyObjectsByArray = new WeakMap<Uint8Array, { bytes: Uint8Array; key: KeyObject }>();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function keyObjectOf(publicKey: Uint8Array): KeyObject {
  const kept = keyObjectsByArray.get(publicKey);
  if (kept && sameBytes(kept.bytes, publicKey)) return kept.key;
  const key = keyObjectOfHex(publicKey);
  keyObjectsByArray.set(publicKey, { bytes: publicKey.slice(), key });
  return key;
}

function keyObjectOfHex(publicKey: Uint8Array): KeyObject {
  const hex = toHex(publicKey);
  let key = keyObjects.get(hex);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(publicKey) }, format: 'jwk' });
    if (keyObjects.size > 1_000) keyObjects.clear();
    keyObjects.set(hex, key);
  }
  return key;
}

/**
 * Ed25519 through OpenSSL (RFC 8032 verification, as the devices' pure-JS check with zip215 off), about
 * 15 times faster than the pure-JS check: online verification is bound by this (docs/scaling.md §6.3).
 */
export const nativeEd25519: SignatureCheck = (signature, message, publicKey) =>
  publicKey.length === 32 && verify(null, message, keyObjectOf(publicKey), signature);
