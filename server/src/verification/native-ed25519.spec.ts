import { describe, expect, it } from '@jest/globals';
import {
  encodeBase64Url,
  type PassTokenFields,
  passSigningPublicKey,
  signPassToken,
  type TrustList,
  unverifiedPassNumber,
  verifyPassToken,
} from '@pass/shared';
import { largestNationalPass } from '../pass-documents/qr-budget.js';
import { nativeEd25519 } from './native-ed25519.js';

const secretKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const trustList: TrustList = {
  generatedAt: '2022-05-22T00:00:00Z',
  keys: [
    {
      kid: 'a1b2c3d4',
      alg: 'EdDSA',
      crv: 'Ed25519',
      publicKey: encodeBase64Url(passSigningPublicKey(secretKey)),
      validFrom: '2022-04-01T00:00:00.000Z',
      validTo: null,
      issuerName: '江苏省交通运输厅',
      issuerRegion: '320000',
    },
  ],
};
// Any genuine token will do: the largest pass the QR code must hold, under a number of its own.
const fields: PassTokenFields = { ...largestNationalPass, passNumber: '320115000123', statusIndex: 6 };
const now = new Date('2022-05-22T04:00:00Z');
const token = signPassToken(fields, { kid: 'a1b2c3d4', secretKey, algorithm: 'Ed25519' });

/** The verdict with the devices' pure-JS check and with the server's native one. */
const bothVerdicts = (bytes: Uint8Array) =>
  [
    verifyPassToken(bytes, { trustList, now }),
    verifyPassToken(bytes, { trustList, now, signatureChecks: { Ed25519: nativeEd25519 } }),
  ].map((v) => v.state);

describe('native Ed25519 on the server', () => {
  it('agrees with the pure-JS check on a genuine, a tampered and a non-canonical signature', () => {
    expect(bothVerdicts(token)).toEqual(['valid', 'valid']);

    const tampered = token.slice();
    tampered[tampered.length - 40] ^= 0x01;
    expect(bothVerdicts(tampered)).toEqual(['signature_invalid', 'signature_invalid']);

    // S + L, the same signature in a non-canonical encoding: RFC 8032 refuses it, so must both.
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    const s = token.slice(token.length - 32);
    let value = 0n;
    for (let i = 31; i >= 0; i -= 1) value = (value << 8n) | BigInt(s[i]);
    value += L;
    const malleable = token.slice();
    for (let i = 0; i < 32; i += 1) {
      malleable[malleable.length - 32 + i] = Number((value >> BigInt(8 * i)) & 0xffn);
    }
    expect(value < 2n ** 256n).toBe(true);
    expect(bothVerdicts(malleable)).toEqual(['signature_invalid', 'signature_invalid']);
  });

  it('checks against the trust-list entry’s key as it is now (nothing kept from an earlier key)', () => {
    const list: TrustList = { ...trustList, keys: [{ ...trustList.keys[0]! }] };
    const check = () =>
      verifyPassToken(token, { trustList: list, now, signatureChecks: { Ed25519: nativeEd25519 } }).state;
    expect(check()).toBe('valid');
    const genuine = list.keys[0]!.publicKey;
    list.keys[0]!.publicKey = encodeBase64Url(passSigningPublicKey(secretKey.map((b) => b ^ 0xff)));
    expect(check()).toBe('signature_invalid');
    list.keys[0]!.publicKey = genuine;
    expect(check()).toBe('valid');
  });

  it('answers false, without throwing, for a signature or key of the wrong length, and reads views at an offset', () => {
    const publicKey = passSigningPublicKey(secretKey);
    const message = new TextEncoder().encode('通行证');
    expect(nativeEd25519(new Uint8Array(63), message, publicKey)).toBe(false);
    expect(nativeEd25519(new Uint8Array(65), message, publicKey)).toBe(false);
    expect(nativeEd25519(new Uint8Array(64), message, publicKey.subarray(1))).toBe(false);
    // The verifier hands subarrays of the token: the check must read them where they start.
    const signature = token.subarray(token.length - 64);
    const padded = new Uint8Array(signature.length + 7);
    padded.set(signature, 7);
    let seen: Uint8Array | undefined;
    const recordMessage: typeof nativeEd25519 = (sig, msg, key) => {
      seen = msg;
      return nativeEd25519(sig, msg, key);
    };
    expect(verifyPassToken(token, { trustList, now, signatureChecks: { Ed25519: recordMessage } }).state).toBe('valid');
    expect(nativeEd25519(padded.subarray(7), seen!, publicKey)).toBe(true);
    expect(nativeEd25519(padded.subarray(6, 70), seen!, publicKey)).toBe(false);
  });

  it('reads the claimed pass number without trusting it, and nothing from bytes that are not a token', () => {
    expect(unverifiedPassNumber(token)).toEqual({ passNumber: '320115000123', statusIndex: 6 });
    expect(unverifiedPassNumber(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
