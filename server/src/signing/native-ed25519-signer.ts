import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { encodeBase64Url, type SignatureMaker } from '@pass/shared';
import type { SigningKey } from './signing-key.js';

/**
 * The private KeyObject of each signing key, built once: building it (parsing the JWK) costs more than
 * a signature. Keyed by kid, which is a digest of the public key that `parseSigningKeyFile` checked
 * against the private one. A deployment has a handful of keys; the bound is for safety only.
 */
const keyObjects = new Map<string, KeyObject>();

function keyObjectOf(key: SigningKey): KeyObject {
  let keyObject = keyObjects.get(key.kid);
  if (!keyObject) {
    keyObject = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: encodeBase64Url(key.secretKey), x: key.publicKey },
      format: 'jwk',
    });
    if (keyObjects.size > 100) keyObjects.clear();
    keyObjects.set(key.kid, keyObject);
  }
  return keyObject;
}

/**
 * Ed25519 through OpenSSL: the same bytes as the pure-JS signer (RFC 8032 signatures are
 * deterministic), about 20 times faster. Issuance signs inside its locked section, so every
 * millisecond here is one more the issuer's serial stays locked (docs/scaling.md §4.3).
 */
export function nativeEd25519Signer(key: SigningKey): SignatureMaker {
  const keyObject = keyObjectOf(key);
  return (message) => {
    const signature = sign(null, message, keyObject);
    return new Uint8Array(signature.buffer, signature.byteOffset, signature.length);
  };
}
