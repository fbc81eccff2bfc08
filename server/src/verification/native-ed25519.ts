import type { SignatureCheck } from '@pass/shared';
import sodium from 'sodium-native';

/**
 * Ed25519 through libsodium (sodium-native), the check every online verification makes (issue 18:
 * each request verifies its signature). Why not `node:crypto`'s `verify`: OpenSSL 3.0's one-shot API
 * builds a digest context and fetches the algorithm from its provider on every call, which made it
 * about twice the cost of libsodium's `crypto_sign_verify_detached` for the same check here (100–180
 * against 50–90 µs, docs/scaling.md §6.7), and no KeyObject is needed: the key is the 32 bytes.
 * libsodium refuses what RFC 8032 refuses (a non-canonical S) and is stricter on small-order points
 * and non-canonical encodings of R and the key, which no genuine signer produces; the devices' pure-JS
 * check (zip215 off) agrees on every genuine and tampered token (native-ed25519.spec.ts).
 */
/**
 * The binding reads any typed array where it starts (sodium-native's index.js asks only for
 * `ArrayBuffer.isView`); its types say Buffer. Declared as it works, so that no Buffer view is made
 * per check.
 */
const verifyDetached = sodium.crypto_sign_verify_detached as (
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
) => boolean;

export const nativeEd25519: SignatureCheck = (signature, message, publicKey) =>
  // libsodium's binding asserts on wrong lengths; a wrong length is simply not a valid signature.
  publicKey.length === 32 && signature.length === 64 && verifyDetached(signature, message, publicKey);
