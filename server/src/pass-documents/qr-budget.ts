import { randomBytes } from 'node:crypto';
import { encodePassUrl, type PassTokenFields, type SigningAlgorithm, signPassToken } from '@pass/shared';
import { createPassQr } from './pass-qr.js';

/** The largest QR version a pass may need at level Q: 69 × 69 modules, 31 mm at 0.4 mm per module. */
export const maxPassQrVersion = 13;

/**
 * The biggest national pass a token can describe: a new-energy plate (8 characters), ten waypoints
 * (the application form's maximum) between Jiangsu and Xinjiang, a status index of 4 bytes, and a
 * crew of three (roles and ID digests). The crew's initials are not counted: the issuer signs them only
 * when the QR code stays within `maxPassQrVersion` with them (PassTokenService). Only a provincial
 * material category, sent as text, makes a token longer.
 */
export const largestNationalPass: PassTokenFields = {
  passNumber: '320115999999',
  plate: '苏AD12345',
  plateColour: 'green',
  validFrom: '2022-05-20',
  validTo: '2022-06-19',
  originCode: '320115',
  destinationCode: '654301',
  waypointCodes: ['340104', '410105', '610113', '620102', '630104', '650202', '652301', '653101', '654002', '654201'],
  materialCategory: 'key_industrial_products',
  statusIndex: 0xffffffff,
  issuedAt: '2022-05-19T09:30:00.000Z',
  crew: [
    { role: 'driver', idDigest: 'ffff' },
    { role: 'co_driver', idDigest: 'ffff' },
    { role: 'escort', idDigest: 'ffff' },
  ],
};

export interface PassQrMeasure {
  tokenBytes: number;
  digits: number;
  urlLength: number;
  version: number;
  modules: number;
}

/**
 * Signs with a throwaway key: signatures have a fixed length (64 bytes with either algorithm), so the
 * sizes are those of a real pass. An SM2 token is 4 bytes longer (its COSE `alg` value).
 */
export function measurePassQr(
  baseUrl: string,
  fields: PassTokenFields = largestNationalPass,
  algorithm: SigningAlgorithm = 'Ed25519',
): PassQrMeasure {
  // Any 32 bytes are an Ed25519 seed; as an SM2 key they are out of range with probability below 2⁻³².
  const secretKey = Uint8Array.from(randomBytes(32));
  const token = signPassToken(fields, { kid: '00000000', secretKey, algorithm });
  const url = encodePassUrl(baseUrl, token);
  const qr = createPassQr(url);
  return {
    tokenBytes: token.length,
    digits: url.length - url.lastIndexOf('/') - 1,
    urlLength: url.length,
    version: qr.version,
    modules: qr.modules.size,
  };
}
