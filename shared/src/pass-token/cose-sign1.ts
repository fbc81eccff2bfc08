import { ed25519 } from '@noble/curves/ed25519.js';
import { CborError, type CborValue, decodeCbor, encodeCbor } from './cbor.js';
import { PassTokenFormatError } from './claims.js';

/**
 * COSE_Sign1 (RFC 9052 §4.2), untagged: [protected: bstr .cbor {1: -8, 4: kid}, unprotected: {},
 * payload: bstr, signature: bstr]. The signature covers Sig_structure
 * ["Signature1", protected, external_aad = h'', payload], so the key id and algorithm are signed too.
 *
 * Ed25519 (RFC 8032) through @noble/curves: an audited pure-JS implementation that runs unchanged in
 * Node, browsers and the WeChat runtimes; signatures are deterministic (no random nonce to get wrong
 * on a server), 64 bytes, and public keys 32 bytes, the smallest of the widely supported schemes,
 * which keeps the QR code small.
 */
export const coseAlgorithmEdDSA = -8;
const HeaderLabel = { Algorithm: 1, KeyId: 4 } as const;
const signatureLength = 64;
const maxKeyIdLength = 16;

export interface CoseSign1 {
  /** The protected header exactly as signed. */
  protectedHeader: Uint8Array;
  kid: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

function sigStructure(protectedHeader: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedHeader, new Uint8Array(0), payload]);
}

/**
 * Makes the Ed25519 signature (RFC 8032; deterministic, so every implementation gives the same bytes)
 * of a message with one key. By default the pure-JS one with the secret key; the server passes
 * `node:crypto`'s, much faster, which shortens the locked section of issuance (docs/scaling.md §4.3).
 */
export type SignatureMaker = (message: Uint8Array) => Uint8Array;

export function signCoseSign1(
  payload: Uint8Array,
  kid: Uint8Array,
  secretKey: Uint8Array,
  sign: SignatureMaker = (message) => ed25519.sign(message, secretKey),
): Uint8Array {
  if (kid.length === 0 || kid.length > maxKeyIdLength) throw new RangeError('Key id must be 1 to 16 bytes');
  const protectedHeader = encodeCbor(
    new Map<number, CborValue>([
      [HeaderLabel.Algorithm, coseAlgorithmEdDSA],
      [HeaderLabel.KeyId, kid],
    ]),
  );
  const signature = sign(sigStructure(protectedHeader, payload));
  if (signature.length !== signatureLength) throw new RangeError('An Ed25519 signature is 64 bytes');
  return encodeCbor([protectedHeader, new Map(), payload, signature]);
}

/** Structure only; nothing in it may be used before `verifyCoseSign1` says the signature holds. */
export function parseCoseSign1(token: Uint8Array): CoseSign1 {
  let envelope: CborValue;
  let header: CborValue;
  try {
    envelope = decodeCbor(token);
    if (!Array.isArray(envelope) || envelope.length !== 4) throw new CborError('Not a COSE_Sign1 array');
    const [protectedHeader, unprotected] = envelope;
    if (!(protectedHeader instanceof Uint8Array)) throw new CborError('Protected header is not a byte string');
    if (!(unprotected instanceof Map) || unprotected.size !== 0) {
      throw new CborError('Unprotected header must be empty');
    }
    header = decodeCbor(protectedHeader);
  } catch (error) {
    throw new PassTokenFormatError((error as Error).message);
  }
  const [protectedHeader, , payload, signature] = envelope as [Uint8Array, unknown, unknown, unknown];
  if (!(header instanceof Map) || header.size !== 2) throw new PassTokenFormatError('Unexpected protected header');
  if (header.get(HeaderLabel.Algorithm) !== coseAlgorithmEdDSA) {
    throw new PassTokenFormatError('Algorithm is not EdDSA');
  }
  const kid = header.get(HeaderLabel.KeyId);
  if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > maxKeyIdLength) {
    throw new PassTokenFormatError('Key id is malformed');
  }
  if (!(payload instanceof Uint8Array)) throw new PassTokenFormatError('Payload is not a byte string');
  if (!(signature instanceof Uint8Array) || signature.length !== signatureLength) {
    throw new PassTokenFormatError('Signature is malformed');
  }
  return { protectedHeader, kid, payload, signature };
}

/**
 * Checks an Ed25519 signature (RFC 8032). Devices use the pure-JS default; the server passes
 * `node:crypto`'s, which is about 15 times faster (docs/scaling.md §6.3).
 */
export type SignatureCheck = (signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array) => boolean;

/** zip215: false is RFC 8032's strict check (canonical encodings only): one valid signature per message. */
const pureJsEd25519: SignatureCheck = (signature, message, publicKey) =>
  ed25519.verify(signature, message, publicKey, { zip215: false });

export function verifyCoseSign1(
  message: CoseSign1,
  publicKey: Uint8Array,
  check: SignatureCheck = pureJsEd25519,
): boolean {
  try {
    return check(message.signature, sigStructure(message.protectedHeader, message.payload), publicKey);
  } catch {
    return false;
  }
}
