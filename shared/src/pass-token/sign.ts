import { ed25519 } from '@noble/curves/ed25519.js';
import { fromHex } from './base64.js';
import { encodePassPayload, type PassTokenFields } from './claims.js';
import { type SignatureMaker, signCoseSign1 } from './cose-sign1.js';

export interface PassSigningKey {
  /** Key id as lower-case hex, as in the trust list. */
  kid: string;
  /** The 32-byte Ed25519 secret key (seed). */
  secretKey: Uint8Array;
  /** How to sign with this key; the pure-JS Ed25519 when absent (the server passes node:crypto's). */
  sign?: SignatureMaker;
}

/** The token bytes of a pass: a COSE_Sign1 over its payload. Throws RangeError for unsignable fields. */
export function signPassToken(fields: PassTokenFields, key: PassSigningKey): Uint8Array {
  const kid = fromHex(key.kid);
  if (!kid || kid.length === 0) throw new RangeError(`Key id ${key.kid} is not hex`);
  return signCoseSign1(encodePassPayload(fields), kid, key.secretKey, key.sign);
}

/** The public key of a secret key, for trust lists and tests. */
export function passSigningPublicKey(secretKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(secretKey);
}
