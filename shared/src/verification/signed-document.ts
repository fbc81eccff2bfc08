import { ed25519 } from '@noble/curves/ed25519.js';
import { decodeBase64, encodeBase64Url, fromHex } from '../pass-token/base64.js';
import { findTrustedKeys, type TrustList } from '../pass-token/trust-list.js';
import { encodeUtf8 } from '../pass-token/utf8.js';

/**
 * A JSON document signed with a pass-signing key, so a checkpoint can trust data it received over any
 * channel (a shared phone, a USB stick) as it trusts a pass: `body` is the exact JSON text that was
 * signed, and the signature is Ed25519 over its UTF-8 bytes.
 */
export interface SignedDocument {
  body: string;
  kid: string;
  /** base64url */
  signature: string;
}

export function signDocument(value: unknown, key: { kid: string; secretKey: Uint8Array }): SignedDocument {
  const body = JSON.stringify(value);
  return { body, kid: key.kid, signature: encodeBase64Url(ed25519.sign(encodeUtf8(body), key.secretKey)) };
}

/** The parsed body, or undefined when no key of the trust list signed it. */
export function openSignedDocument<T>(document: SignedDocument, trustList: TrustList): T | undefined {
  const kid = fromHex(document.kid);
  const signature = decodeBase64(document.signature);
  if (!kid || signature?.length !== 64 || typeof document.body !== 'string') return undefined;
  const bytes = encodeUtf8(document.body);
  const signed = findTrustedKeys(trustList, kid).some(({ publicKey }) => {
    try {
      // Strict RFC 8032 check, as for pass tokens: one valid signature per document.
      return ed25519.verify(signature, bytes, publicKey, { zip215: false });
    } catch {
      return false;
    }
  });
  if (!signed) return undefined;
  try {
    return JSON.parse(document.body) as T;
  } catch {
    return undefined;
  }
}
