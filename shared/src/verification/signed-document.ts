import { decodeBase64, encodeBase64Url, fromHex } from '../pass-token/base64.js';
import { checkSignature, type SigningAlgorithm, signatureSchemes } from '../pass-token/signature-schemes.js';
import { findTrustedKeys, type TrustList } from '../pass-token/trust-list.js';
import { encodeUtf8 } from '../pass-token/utf8.js';

/**
 * A JSON document signed with a pass-signing key, so a checkpoint can trust data it received over any
 * channel (a shared phone, a USB stick) as it trusts a pass: `body` is the exact JSON text that was
 * signed, and the signature is over its UTF-8 bytes, with the signing key's algorithm.
 */
export interface SignedDocument {
  body: string;
  kid: string;
  /**
   * `SM2` for a document signed with an SM2 key; absent for Ed25519, so that an Ed25519 deployment's
   * documents stay as they were for peers not yet updated. The key in the trust list decides: a
   * document whose `alg` is not its key's is refused.
   */
  alg?: 'SM2';
  /** base64url, 64 bytes (Ed25519, or SM2's r ‖ s) */
  signature: string;
}

export function signDocument(
  value: unknown,
  key: { kid: string; secretKey: Uint8Array; algorithm: SigningAlgorithm },
): SignedDocument {
  const body = JSON.stringify(value);
  const scheme = signatureSchemes[key.algorithm];
  const signature = encodeBase64Url(scheme.sign(encodeUtf8(body), key.secretKey));
  return scheme.alg === 'SM2' ? { body, kid: key.kid, alg: 'SM2', signature } : { body, kid: key.kid, signature };
}

/** The parsed body, or undefined when no key of the trust list signed it. */
export function openSignedDocument<T>(document: SignedDocument, trustList: TrustList): T | undefined {
  const kid = fromHex(document.kid);
  const signature = decodeBase64(document.signature);
  if (!kid || signature?.length !== 64 || typeof document.body !== 'string') return undefined;
  const bytes = encodeUtf8(document.body);
  const alg = document.alg ?? 'EdDSA';
  const signed = findTrustedKeys(trustList, kid).some(
    // Strict checks, as for pass tokens: one valid signature per document.
    ({ scheme, publicKey }) => scheme.alg === alg && checkSignature(scheme, signature, bytes, publicKey),
  );
  if (!signed) return undefined;
  try {
    return JSON.parse(document.body) as T;
  } catch {
    return undefined;
  }
}
