import { fromHex } from './base64.js';
import { encodePassPayload, type PassTokenFields } from './claims.js';
import { type SignatureMaker, signCoseSign1 } from './cose-sign1.js';
import { type SigningAlgorithm, signatureSchemes } from './signature-schemes.js';

export interface PassSigningKey {
  /** Key id as lower-case hex, as in the trust list. */
  kid: string;
  /** The 32-byte secret key: the Ed25519 seed, or the SM2 private scalar (big-endian). */
  secretKey: Uint8Array;
  /** Required, never defaulted: a secret key signed with the wrong algorithm would make junk. */
  algorithm: SigningAlgorithm;
  /** A faster way to sign with this key than the scheme's pure-JS one (the server passes node:crypto's Ed25519). */
  sign?: SignatureMaker;
}

/** The token bytes of a pass: a COSE_Sign1 over its payload. Throws RangeError for unsignable fields. */
export function signPassToken(fields: PassTokenFields, key: PassSigningKey): Uint8Array {
  const kid = fromHex(key.kid);
  if (!kid || kid.length === 0) throw new RangeError(`Key id ${key.kid} is not hex`);
  return signCoseSign1(encodePassPayload(fields), kid, key.secretKey, key.algorithm, key.sign);
}

/** The public key of a secret key, for trust lists and tests: 32 bytes (Ed25519) or 65 (SM2, uncompressed). */
export function passSigningPublicKey(secretKey: Uint8Array, algorithm: SigningAlgorithm = 'Ed25519'): Uint8Array {
  return signatureSchemes[algorithm].publicKeyOf(secretKey);
}
