import { createHash, generateKeyPairSync } from 'node:crypto';
import { decodeBase64, encodeBase64Url, passSigningPublicKey, type TrustedKey } from '@pass/shared';
import { z } from 'zod';

/**
 * A pass signing key as stored in `<keys dir>/<kid>.json` (mode 0600). The private key is the
 * 32-byte Ed25519 seed, base64url; the public key is kept beside it so that the file can be checked.
 */
export const signingKeyFileSchema = z.object({
  kid: z.string().regex(/^[0-9a-f]{8}$/),
  alg: z.literal('Ed25519'),
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

export function generateSigningKey(now: Date, notBefore: Date): SigningKey {
  // Node's generator draws from the operating system's CSPRNG; the JWK form exposes the raw seed.
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const secretKey = Uint8Array.from(Buffer.from(jwk.d!, 'base64url'));
  const publicKey = passSigningPublicKey(secretKey);
  return {
    kid: keyIdOf(publicKey),
    alg: 'Ed25519',
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
  const publicKey = passSigningPublicKey(secretKey);
  if (encodeBase64Url(publicKey) !== file.publicKey || keyIdOf(publicKey) !== file.kid) {
    throw new Error(`Key ${file.kid}: public key or key id does not match the private key`);
  }
  return { ...file, secretKey };
}

export function toKeyFile({ secretKey: _secret, ...file }: SigningKey): SigningKeyFile {
  return file;
}

export function toTrustedKey(key: SigningKey, issuerName: string, issuerRegion: string): TrustedKey {
  return {
    kid: key.kid,
    alg: 'EdDSA',
    crv: 'Ed25519',
    publicKey: key.publicKey,
    validFrom: key.notBefore,
    validTo: key.notAfter,
    issuerName,
    issuerRegion,
  };
}
