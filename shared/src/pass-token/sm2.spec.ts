import { describe, expect, it } from '@jest/globals';
import { sm3 } from 'sm-crypto-v2';
import { keyFingerprint } from '../federation/issuer-document.js';
import { openSignedDocument, signDocument } from '../verification/signed-document.js';
import { decodeBase64, encodeBase64Url, fromHex, toHex } from './base64.js';
import { decodeCbor, encodeCbor } from './cbor.js';
import { coseAlgorithmSM2, parseCoseSign1 } from './cose-sign1.js';
import { passSigningPublicKey, signPassToken } from './sign.js';
import { signatureSchemes, sm2DefaultUserId } from './signature-schemes.js';
import type { TrustedKey, TrustList } from './trust-list.js';
import { type PassVerificationState, verifyPassToken } from './verify.js';
import { workedExamplePass } from './worked-example.js';

// GM/T 0003.5-2012 (GB/T 32918.5) example on the recommended curve, also RFC 8998 Appendix A:
// private key, its public key, the message "message digest", user id 1234567812345678, and the
// signature (r, s) made with the published random k.
const vector = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKeyX: '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020',
  publicKeyY: 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  r: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3',
  s: 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};
const sm2Order = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const sm2 = signatureSchemes.SM2;

describe('SM2 with SM3 (GB/T 32918.2, GB/T 32905)', () => {
  const secretKey = fromHex(vector.privateKey)!;
  const publicKey = fromHex(`04${vector.publicKeyX}${vector.publicKeyY}`)!;

  it('hashes with SM3 as GB/T 32905 Appendix A gives for "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('derives the standard public key and verifies the standard signature (known answer)', () => {
    expect(sm2DefaultUserId).toBe('1234567812345678');
    expect(toHex(passSigningPublicKey(secretKey, 'SM2'))).toBe(toHex(publicKey));
    const signature = fromHex(vector.r + vector.s)!;
    expect(sm2.verify(signature, ascii(vector.message), publicKey)).toBe(true);
    expect(sm2.verify(signature, ascii('message digesT'), publicKey)).toBe(false);
    // r and s swapped, or s replaced by n − s: not the signature.
    expect(sm2.verify(fromHex(vector.s + vector.r)!, ascii(vector.message), publicKey)).toBe(false);
  });

  it('signs as raw r ‖ s (64 bytes) that it verifies, randomised per signature', () => {
    const message = ascii('通行证 320115000123');
    const first = sm2.sign(message, secretKey);
    const second = sm2.sign(message, secretKey, publicKey);
    expect(first).toHaveLength(64);
    expect(toHex(first)).not.toBe(toHex(second));
    expect(sm2.verify(first, message, publicKey)).toBe(true);
    expect(sm2.verify(second, message, publicKey)).toBe(true);
  });

  it('refuses r or s outside [1, n − 1], malformed keys and lengths, without throwing', () => {
    const message = ascii(vector.message);
    const zero = '0'.repeat(64);
    for (const [r, s] of [
      [zero, vector.s],
      [vector.r, zero],
      [sm2Order, vector.s],
      [vector.r, sm2Order],
      ['f'.repeat(64), vector.s],
    ]) {
      expect(sm2.verify(fromHex(r! + s!)!, message, publicKey)).toBe(false);
    }
    expect(sm2.verify(fromHex(vector.r + vector.s)!.subarray(1), message, publicKey)).toBe(false);
    const offCurve = publicKey.slice();
    offCurve[64] ^= 1;
    expect(sm2.verify(fromHex(vector.r + vector.s)!, message, offCurve)).toBe(false);
    expect(sm2.verify(fromHex(vector.r + vector.s)!, message, publicKey.subarray(1))).toBe(false);
    expect(() => passSigningPublicKey(new Uint8Array(32), 'SM2')).toThrow(RangeError);
    expect(() => passSigningPublicKey(fromHex(sm2Order)!, 'SM2')).toThrow(RangeError);
  });
});

const secretKey = fromHex(vector.privateKey)!;
const key = { kid: '5a7e0d11', secretKey, algorithm: 'SM2' as const };
const ed25519Secret = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const entry = (kid: string, alg: 'EdDSA' | 'SM2', publicKey: Uint8Array, issuerRegion = '320000'): TrustedKey => ({
  kid,
  alg,
  crv: alg === 'SM2' ? 'SM2' : 'Ed25519',
  publicKey: encodeBase64Url(publicKey),
  validFrom: '2022-04-01T00:00:00.000Z',
  validTo: null,
  issuerName: '江苏省重点物资运输车辆通行证签发系统',
  issuerRegion,
});
const sm2Entry = entry(key.kid, 'SM2', passSigningPublicKey(secretKey, 'SM2'));
const trustList: TrustList = { generatedAt: '2022-05-22T00:00:00Z', keys: [sm2Entry] };
const now = new Date('2022-05-22T04:00:00Z');
const fields = workedExamplePass;
const token = signPassToken(fields, key);
const verify = (bytes: Uint8Array, list: TrustList = trustList) => verifyPassToken(bytes, { trustList: list, now });

describe('pass tokens signed with SM2', () => {
  it('carry alg −65537 (private use) in the protected header and verify with the SM2 key', () => {
    expect(coseAlgorithmSM2).toBe(-65537);
    const header = decodeCbor(parseCoseSign1(token).protectedHeader) as Map<number, unknown>;
    expect(header.get(1)).toBe(-65537);
    expect(verify(token)).toMatchObject({ state: 'valid', signer: { kid: key.kid } });
  });

  it('cost 4 bytes more than Ed25519 (the longer alg value), nothing else', () => {
    const ed25519Token = signPassToken(fields, { kid: key.kid, secretKey: ed25519Secret, algorithm: 'Ed25519' });
    expect(token.length - ed25519Token.length).toBe(4);
    expect(token).toHaveLength(153);
  });

  it('never verify after any single byte changed', () => {
    const states = new Set<PassVerificationState>();
    for (let i = 0; i < token.length; i++) {
      for (const replacement of new Set([token[i]! ^ 0x01, token[i]! ^ 0x80, 0x00, 0xff])) {
        if (replacement === token[i]) continue;
        const tampered = token.slice();
        tampered[i] = replacement;
        const result = verify(tampered);
        if (result.allowsPassage) throw new Error(`byte ${i} set to ${replacement} still verified as ${result.state}`);
        states.add(result.state);
      }
    }
    expect([...states].sort()).toEqual(['malformed', 'signature_invalid', 'unknown_key']);
  });

  it('are not verified by a key of the other algorithm under the same id, in either direction', () => {
    const ed25519Entry = entry(key.kid, 'EdDSA', passSigningPublicKey(ed25519Secret));
    // The SM2 token against an Ed25519 key with its id: refused, not tried as Ed25519.
    expect(verify(token, { ...trustList, keys: [ed25519Entry] }).state).toBe('signature_invalid');
    // An Ed25519 token relabelled as SM2 (or the other way round) does not verify with either key.
    const ed25519Token = signPassToken(fields, { kid: key.kid, secretKey: ed25519Secret, algorithm: 'Ed25519' });
    const both = { ...trustList, keys: [ed25519Entry, sm2Entry] };
    expect(verify(ed25519Token, both).state).toBe('valid');
    expect(verify(token, both).state).toBe('valid');
    const relabelled = relabel(ed25519Token, -65537);
    expect(verify(relabelled, both).state).toBe('signature_invalid');
    expect(verify(relabel(token, -8), both).state).toBe('signature_invalid');
  });

  it('verify in a mixed trust list with neither key confused (an SM2 and an Ed25519 issuer)', () => {
    const zhejiang = entry('0e0e0e0e', 'EdDSA', passSigningPublicKey(ed25519Secret), '330000');
    const mixed = { ...trustList, keys: [zhejiang, sm2Entry] };
    const zhejiangToken = signPassToken(
      { ...fields, passNumber: '330102000001', originCode: '330102' },
      {
        kid: zhejiang.kid,
        secretKey: ed25519Secret,
        algorithm: 'Ed25519',
      },
    );
    expect(verify(zhejiangToken, mixed).state).toBe('valid');
    expect(verify(token, mixed).state).toBe('valid');
    // The SM2 key cannot vouch for a pass of the other province.
    expect(verify(signPassToken({ ...fields, passNumber: '330102000001' }, key), mixed).state).toBe('issuer_mismatch');
  });

  it('need no TextEncoder, TextDecoder, atob, btoa or Buffer (the WeChat runtimes lack them)', () => {
    const globals = globalThis as Record<string, unknown>;
    const names = ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'Buffer'];
    const saved = names.map((name) => globals[name]);
    for (const name of names) delete globals[name];
    let state: PassVerificationState;
    try {
      state = verify(signPassToken({ ...fields, statusIndex: 7 }, key)).state;
    } finally {
      names.forEach((name, i) => {
        globals[name] = saved[i];
      });
    }
    expect(state).toBe('valid');
  });

  it('refuse a trust-list entry whose key does not fit its algorithm', () => {
    const short = { ...sm2Entry, publicKey: encodeBase64Url(passSigningPublicKey(ed25519Secret)) };
    expect(verify(token, { ...trustList, keys: [short] }).state).toBe('unknown_key');
    const mislabelled = { ...sm2Entry, crv: 'Ed25519' as const };
    expect(verify(token, { ...trustList, keys: [mislabelled] }).state).toBe('unknown_key');
  });
});

/** The token with its protected header's alg replaced (the signature then covers another header). */
function relabel(bytes: Uint8Array, alg: number): Uint8Array {
  const [protectedHeader, unprotected, payload, signature] = decodeCbor(bytes) as [
    Uint8Array,
    unknown,
    unknown,
    unknown,
  ];
  const header = decodeCbor(protectedHeader) as Map<number, unknown>;
  header.set(1, alg);
  return encodeCbor([encodeCbor(header as never), unprotected as never, payload as never, signature as never]);
}

describe('documents signed with SM2', () => {
  it('name their algorithm, open with the SM2 key only, and refuse a changed alg or body', () => {
    const signed = signDocument({ version: 7 }, key);
    expect(signed.alg).toBe('SM2');
    expect(decodeBase64(signed.signature)).toHaveLength(64);
    expect(openSignedDocument(signed, trustList)).toEqual({ version: 7 });
    const { alg: _alg, ...withoutAlg } = signed;
    expect(openSignedDocument(withoutAlg, trustList)).toBeUndefined();
    expect(openSignedDocument({ ...signed, body: '{"version":8}' }, trustList)).toBeUndefined();
    // An Ed25519 document says nothing of its algorithm, as before, and an SM2 key does not open it.
    const ed25519Signed = signDocument(
      { version: 7 },
      { kid: key.kid, secretKey: ed25519Secret, algorithm: 'Ed25519' },
    );
    expect(ed25519Signed).not.toHaveProperty('alg');
    expect(openSignedDocument(ed25519Signed, trustList)).toBeUndefined();
    expect(openSignedDocument({ ...ed25519Signed, alg: 'SM2' }, trustList)).toBeUndefined();
  });

  it('fingerprint an SM2 key as SHA-256 of its 65 bytes', () => {
    expect(keyFingerprint(passSigningPublicKey(secretKey, 'SM2'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
