import { ed25519 } from '@noble/curves/ed25519.js';
import { sm2 } from 'sm-crypto-v2';
import { fromHex, toHex } from './base64.js';

/**
 * The algorithms a pass-signing key can have. A deployment signs with one (`SIGNING_ALGORITHM`);
 * verifiers take the algorithm from the key in the trust list, so a federation may mix them.
 *
 * - `Ed25519` (RFC 8032) through @noble/curves: the default.
 * - `SM2` (GB/T 32918.2) with SM3 (GB/T 32905) and the standard user id `1234567812345678`
 *   (GM/T 0009), through sm-crypto-v2, a TypeScript library on @noble/curves that runs unchanged in
 *   Node, browsers and the WeChat runtimes (no `eval`, no `TextEncoder` needed; BigInt like noble).
 *   Signatures are raw `r ‖ s`, 64 bytes like Ed25519 (not DER: 6 to 8 bytes more in every QR code);
 *   public keys are uncompressed SEC 1 points, 65 bytes (`04 ‖ x ‖ y`).
 */
export const SigningAlgorithm = { Ed25519: 'Ed25519', SM2: 'SM2' } as const;
export type SigningAlgorithm = (typeof SigningAlgorithm)[keyof typeof SigningAlgorithm];
export const signingAlgorithms = Object.values(SigningAlgorithm) as [SigningAlgorithm, ...SigningAlgorithm[]];

/** A signature check over raw bytes: the pure-JS default of a scheme, or a faster native one (server). */
export type SignatureCheck = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** Per algorithm, a check to use instead of the pure-JS one (the server passes OpenSSL's Ed25519). */
export type SignatureChecks = Partial<Record<SigningAlgorithm, SignatureCheck>>;

export interface SignatureScheme {
  algorithm: SigningAlgorithm;
  /** The COSE `alg` header value (RFC 9052 §3.1). */
  coseAlgorithm: number;
  /** How the trust list names the key's algorithm and curve. */
  alg: 'EdDSA' | 'SM2';
  crv: 'Ed25519' | 'SM2';
  publicKeyLength: number;
  /** The public key of a 32-byte secret key; throws for a secret key that is not one. */
  publicKeyOf(secretKey: Uint8Array): Uint8Array;
  /** 64 bytes. `publicKey` saves deriving it again (SM2 hashes it into every signature). */
  sign(message: Uint8Array, secretKey: Uint8Array, publicKey?: Uint8Array): Uint8Array;
  /** False for a malformed key or signature, never a throw. */
  verify: SignatureCheck;
}

export const signatureLength = 64;

/** zip215: false is RFC 8032's strict check (canonical encodings only): one valid signature per message. */
const ed25519Scheme: SignatureScheme = {
  algorithm: SigningAlgorithm.Ed25519,
  coseAlgorithm: -8,
  alg: 'EdDSA',
  crv: 'Ed25519',
  publicKeyLength: 32,
  publicKeyOf: (secretKey) => ed25519.getPublicKey(secretKey),
  sign: (message, secretKey) => ed25519.sign(message, secretKey),
  verify: (signature, message, publicKey) => {
    try {
      return publicKey.length === 32 && ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
};

/** The standard user id of GM/T 0009 (its UTF-8 bytes enter the signer's hash Z). */
export const sm2DefaultUserId = '1234567812345678';
/** The order n of the SM2 curve's base point, as 64 lower-case hex digits. */
const sm2Order = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
const sm2OrderMinusOne = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122';
const zeroScalar = '0'.repeat(64);
/** 1 ≤ x ≤ n − 1, compared as fixed-length hex (no BigInt literal: the WeChat build parses ES2019). */
const inScalarRange = (hex: string) => hex.length === 64 && hex !== zeroScalar && hex < sm2Order;

/** Prepared public points (a window table makes each later check about 5 times faster); a handful in use. */
const sm2Points = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();
function sm2Point(publicKeyHex: string) {
  let point = sm2Points.get(publicKeyHex);
  if (!point) {
    point = sm2.precomputePublicKey(publicKeyHex, 4);
    if (sm2Points.size > 100) sm2Points.clear();
    sm2Points.set(publicKeyHex, point);
  }
  return point;
}

const sm2Options = { hash: true, der: false, userId: sm2DefaultUserId } as const;

const sm2Scheme: SignatureScheme = {
  algorithm: SigningAlgorithm.SM2,
  // SM2 has no IANA COSE number: a value of the private-use range (below −65536), see docs/pass-token.md.
  coseAlgorithm: -65537,
  alg: 'SM2',
  crv: 'SM2',
  publicKeyLength: 65,
  publicKeyOf: (secretKey) => {
    const hex = toHex(secretKey);
    // GB/T 32918.2 §6.1: d in [1, n − 2] (d + 1 is inverted when signing).
    if (!inScalarRange(hex) || hex === sm2OrderMinusOne) throw new RangeError('Not an SM2 secret key');
    return fromHex(sm2.getPublicKeyFromPrivateKey(hex).padStart(130, '0'))!;
  },
  sign: (message, secretKey, publicKey = sm2Scheme.publicKeyOf(secretKey)) => {
    const hex = sm2.doSignature(message, toHex(secretKey), { ...sm2Options, publicKey: toHex(publicKey) });
    return fromHex(hex)!;
  },
  verify: (signature, message, publicKey) => {
    if (signature.length !== signatureLength || publicKey.length !== 65 || publicKey[0] !== 4) return false;
    const hex = toHex(signature);
    // GB/T 32918.2 §7.1 B1, B2: r and s in [1, n − 1], so each signature has one encoding only.
    if (!inScalarRange(hex.slice(0, 64)) || !inScalarRange(hex.slice(64))) return false;
    try {
      return sm2.doVerifySignature(message, hex, sm2Point(toHex(publicKey)), sm2Options);
    } catch {
      // Not a point of the curve.
      return false;
    }
  },
};

export const signatureSchemes: Record<SigningAlgorithm, SignatureScheme> = {
  Ed25519: ed25519Scheme,
  SM2: sm2Scheme,
};

const allSchemes = Object.values(signatureSchemes);

/** The scheme of a trust-list entry's `alg`/`crv` pair; undefined for a pair no verifier here knows. */
export function schemeOfKey(key: { alg: string; crv: string }): SignatureScheme | undefined {
  return allSchemes.find((scheme) => scheme.alg === key.alg && scheme.crv === key.crv);
}

/** The scheme of a COSE `alg` header value (read from every scanned token). */
export function schemeOfCoseAlgorithm(value: unknown): SignatureScheme | undefined {
  return allSchemes.find((scheme) => scheme.coseAlgorithm === value);
}

/** Verifies with the scheme's own check, or the one `checks` gives for its algorithm. */
export function checkSignature(
  scheme: SignatureScheme,
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
  checks?: SignatureChecks,
): boolean {
  try {
    return (checks?.[scheme.algorithm] ?? scheme.verify)(signature, message, publicKey);
  } catch {
    return false;
  }
}
