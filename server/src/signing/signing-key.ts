import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  decodeBase64,
  encodeBase64Url,
  passSigningPublicKey,
  type SigningAlgorithm,
  signatureSchemes,
  signingAlgorithms,
  type TrustedKey,
} from '@pass/shared';
import { z } from 'zod';

/**
 * A pass signing key as stored in `<keys dir>/<kid>.json` (mode 0600). The private key is 32 bytes,
 * base64url: the Ed25519 seed, or the SM2 private scalar; the public key is kept beside it so that the
 * file can be checked. Files from before the SM2 option all say `Ed25519`.
 */
export const signingKeyFileSchema = z.object({
  kid: z.string().regex(/^[0-9a-f]{8}$/),
  alg: z.enum(signingAlgorithms),
  createdAt: z.iso.datetime(),
  /** The key signs new passes from this instant… */
  notBefore: z.iso.datetime(),
  /** …until this one, when its successor takes over; null while no successor is planned. */
  notAfter: z.iso.datetime().nullable(),
  privateKey: z.string(),
  publicKey: z.string(),
});

export type SigningKeyFile = z.infer<typeof signingKeyFileSchema>;

export interface SigningKey extends SigningKeyFile {
  secretKey: Uint8Array;
}

/** The first 4 bytes of SHA-256 of the public key: short (it is in every QR code) and self-checking. */
export function keyIdOf(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 8);
}

/**
 * 32 secret bytes from the operating system's CSPRNG: through Node's Ed25519 generator (the JWK form
 * exposes the raw seed), or for SM2 drawn until they are a private key, d in [1, n − 2] (GB/T 32918.1;
 * 32 random bytes miss that range with probability below 2⁻³²).
 */
function newSecretKey(algorithm: SigningAlgorithm): Uint8Array {
  if (algorithm === 'SM2') {
    for (;;) {
      const candidate = Uint8Array.from(randomBytes(32));
      try {
        passSigningPublicKey(candidate, 'SM2');
        return candidate;
      } catch {
        // Out of range: draw again.
      }
    }
  }
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return Uint8Array.from(Buffer.from(jwk.d!, 'base64url'));
}

export function generateSigningKey(now: Date, notBefore: Date, algorithm: SigningAlgorithm = 'Ed25519'): SigningKey {
  const secretKey = newSecretKey(algorithm);
  const publicKey = passSigningPublicKey(secretKey, algorithm);
  return {
    kid: keyIdOf(publicKey),
    alg: algorithm,
    createdAt: now.toISOString(),
    notBefore: notBefore.toISOString(),
    notAfter: null,
    privateKey: encodeBase64Url(secretKey),
    publicKey: encodeBase64Url(publicKey),
    secretKey,
  };
}

/** Throws when the file is not a key or its halves do not belong together. */
export function parseSigningKeyFile(json: unknown): SigningKey {
  const file = signingKeyFileSchema.parse(json);
  const secretKey = decodeBase64(file.privateKey);
  if (secretKey?.length !== 32) throw new Error(`Key ${file.kid}: private key is not 32 bytes`);
  const publicKey = passSigningPublicKey(secretKey, file.alg);
  if (encodeBase64Url(publicKey) !== file.publicKey || keyIdOf(publicKey) !== file.kid) {
    throw new Error(`Key ${file.kid}: public key or key id does not match the private key`);
  }
  return { ...file, secretKey };
}

export function toKeyFile({ secretKey: _secret, ...file }: SigningKey): SigningKeyFile {
  return file;
}

/** What signPassToken and signDocument take. */
export const signerOf = (key: SigningKey) => ({ kid: key.kid, secretKey: key.secretKey, algorithm: key.alg });

export function toTrustedKey(key: SigningKey, issuerName: string, issuerRegion: string): TrustedKey {
  const { alg, crv } = signatureSchemes[key.alg];
  return {
    kid: key.kid,
    alg,
    crv,
    publicKey: key.publicKey,
    validFrom: key.notBefore,
    validTo: key.notAfter,
    issuerName,
    issuerRegion,
  };
}
