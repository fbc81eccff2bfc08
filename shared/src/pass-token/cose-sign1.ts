import { byteStringHead, CborError, type CborValue, decodeCbor, encodeCbor } from './cbor.js';
import { PassTokenFormatError } from './claims.js';
import {
  checkSignature,
  type SignatureChecks,
  type SignatureScheme,
  type SigningAlgorithm,
  schemeOfCoseAlgorithm,
  signatureLength,
  signatureSchemes,
} from './signature-schemes.js';

/**
 * COSE_Sign1 (RFC 9052 §4.2), untagged: [protected: bstr .cbor {1: alg, 4: kid}, unprotected: {},
 * payload: bstr, signature: bstr]. The signature covers Sig_structure
 * ["Signature1", protected, external_aad = h'', payload], so the key id and algorithm are signed too.
 *
 * `alg` is -8 (EdDSA: Ed25519, RFC 8032) or -65537 (SM2 with SM3, a private-use value: SM2 has no
 * IANA number); see signature-schemes.ts. Both give 64-byte signatures, so the QR code's size
 * differs only by the 4 bytes of the longer `alg` value.
 */
export const coseAlgorithmEdDSA = signatureSchemes.Ed25519.coseAlgorithm;
export const coseAlgorithmSM2 = signatureSchemes.SM2.coseAlgorithm;
const HeaderLabel = { Algorithm: 1, KeyId: 4 } as const;
const maxKeyIdLength = 16;

export interface CoseSign1 {
  /** The protected header exactly as signed. */
  protectedHeader: Uint8Array;
  /** The algorithm the protected header names: only keys of this algorithm may verify it. */
  scheme: SignatureScheme;
  kid: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** An array of four, then the text 'Signature1': the bytes every Sig_structure starts with. */
const sigStructureStart = Uint8Array.of(0x84, ...encodeCbor('Signature1'));

/**
 * `encodeCbor(['Signature1', protectedHeader, h'', payload])`, laid out directly: a server builds one
 * for every scan it verifies, and the generic encoder goes through an array of numbers.
 */
export function sigStructure(protectedHeader: Uint8Array, payload: Uint8Array): Uint8Array {
  const protectedHead = byteStringHead(protectedHeader.length);
  const payloadHead = byteStringHead(payload.length);
  const out = new Uint8Array(
    sigStructureStart.length + protectedHead.length + protectedHeader.length + 1 + payloadHead.length + payload.length,
  );
  let at = 0;
  for (const part of [sigStructureStart, protectedHead, protectedHeader, [0x40], payloadHead, payload]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Makes the signature of a message with one key, where the caller has a faster way than the scheme's
 * pure-JS one: the server passes `node:crypto`'s Ed25519 (RFC 8032 signatures are deterministic, so
 * the bytes are the same), which shortens the locked section of issuance (docs/scaling.md §4.3).
 */
export type SignatureMaker = (message: Uint8Array) => Uint8Array;

export function signCoseSign1(
  payload: Uint8Array,
  kid: Uint8Array,
  secretKey: Uint8Array,
  algorithm: SigningAlgorithm,
  sign?: SignatureMaker,
): Uint8Array {
  if (kid.length === 0 || kid.length > maxKeyIdLength) throw new RangeError('Key id must be 1 to 16 bytes');
  const scheme = signatureSchemes[algorithm];
  const protectedHeader = encodeCbor(
    new Map<number, CborValue>([
      [HeaderLabel.Algorithm, scheme.coseAlgorithm],
      [HeaderLabel.KeyId, kid],
    ]),
  );
  const message = sigStructure(protectedHeader, payload);
  const signature = sign ? sign(message) : scheme.sign(message, secretKey);
  if (signature.length !== signatureLength) throw new RangeError(`A ${algorithm} signature here is 64 bytes`);
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
  const scheme = schemeOfCoseAlgorithm(header.get(HeaderLabel.Algorithm));
  if (!scheme) throw new PassTokenFormatError('Algorithm is neither EdDSA nor SM2');
  const kid = header.get(HeaderLabel.KeyId);
  if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > maxKeyIdLength) {
    throw new PassTokenFormatError('Key id is malformed');
  }
  if (!(payload instanceof Uint8Array)) throw new PassTokenFormatError('Payload is not a byte string');
  if (!(signature instanceof Uint8Array) || signature.length !== signatureLength) {
    throw new PassTokenFormatError('Signature is malformed');
  }
  return { protectedHeader, scheme, kid, payload, signature };
}

/**
 * Checks the signature with a key of the token's own algorithm (a key of another algorithm never
 * verifies it, whatever its bytes). Devices use the pure-JS checks; the server passes `node:crypto`'s
 * Ed25519, about 15 times faster (docs/scaling.md §6.3).
 */
export function verifyCoseSign1(
  message: CoseSign1,
  key: { scheme: SignatureScheme; publicKey: Uint8Array },
  checks?: SignatureChecks,
): boolean {
  if (key.scheme !== message.scheme) return false;
  const signed = sigStructure(message.protectedHeader, message.payload);
  return checkSignature(key.scheme, message.signature, signed, key.publicKey, checks);
}
