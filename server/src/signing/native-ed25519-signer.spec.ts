import { describe, expect, it } from '@jest/globals';
import { signPassToken, toHex, verifyPassToken } from '@pass/shared';
import { largestNationalPass } from '../pass-documents/qr-budget.js';
import { nativeEd25519Signer } from './native-ed25519-signer.js';
import { generateSigningKey, signerOf, toTrustedKey } from './signing-key.js';

describe('nativeEd25519Signer', () => {
  const now = new Date('2022-05-19T09:00:00Z');

  it('signs the same bytes as the pure-JS signer, which the devices verify', () => {
    for (const key of [generateSigningKey(now, now), generateSigningKey(now, now)]) {
      const pure = signPassToken(largestNationalPass, signerOf(key));
      const native = signPassToken(largestNationalPass, { ...signerOf(key), sign: nativeEd25519Signer(key) });
      expect(toHex(native)).toBe(toHex(pure));
      const trustList = { generatedAt: now.toISOString(), keys: [toTrustedKey(key, '测试签发系统', '320000')] };
      expect(verifyPassToken(native, { trustList, now: new Date('2022-05-21T00:00:00Z') }).state).toBe('valid');
    }
  });

  it('signs with the key it was made for, also when another key was used in between', () => {
    const [first, second] = [generateSigningKey(now, now), generateSigningKey(now, now)];
    const message = new TextEncoder().encode('通行证');
    const signFirst = nativeEd25519Signer(first);
    nativeEd25519Signer(second)(message);
    expect(toHex(signFirst(message))).not.toBe(toHex(nativeEd25519Signer(second)(message)));
    expect(toHex(signFirst(message))).toBe(toHex(nativeEd25519Signer({ ...first })(message)));
  });
});
