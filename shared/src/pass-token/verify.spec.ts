import { describe, expect, it } from '@jest/globals';
import { encodeBase64Url, fromHex } from './base64.js';
import { type CborValue, encodeCbor } from './cbor.js';
import { encodePassPayload, type PassTokenFields, PayloadKey } from './claims.js';
import { signCoseSign1 } from './cose-sign1.js';
import { encodePassUrl } from './pass-url.js';
import { scanResultOfVerification } from './scan-result.js';
import { passSigningPublicKey, signPassToken } from './sign.js';
import { buildStatusListBits, encodeStatusList, PassTokenStatus, type StatusList } from './status-list.js';
import type { TrustedKey, TrustList } from './trust-list.js';
import {
  decodePassToken,
  type PassVerification,
  type PassVerificationState,
  verifyPassToken,
  verifyPassUrl,
} from './verify.js';
import { workedExamplePass } from './worked-example.js';

const secretKey = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const otherSecretKey = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
const key = { kid: 'a1b2c3d4', secretKey, algorithm: 'Ed25519' as const };

const trustedKey: TrustedKey = {
  kid: key.kid,
  alg: 'EdDSA',
  crv: 'Ed25519',
  publicKey: encodeBase64Url(passSigningPublicKey(secretKey)),
  validFrom: '2022-04-01T00:00:00.000Z',
  validTo: null,
  issuerName: '江苏省交通运输厅',
  issuerRegion: '320000',
};

const now = new Date('2022-05-22T04:00:00Z'); // 12:00 in China
const trustList: TrustList = { generatedAt: '2022-05-22T00:00:00Z', keys: [trustedKey] };

const fields: PassTokenFields = {
  ...workedExamplePass,
  waypointCodes: ['340104', '410105', '620102'],
  statusIndex: 6,
};

function statusList(entries: [number, PassTokenStatus][] = [], generatedAt = '2022-05-22T01:00:00Z'): StatusList {
  return encodeStatusList(3, new Date(generatedAt), buildStatusListBits(100, entries));
}

const verify = (token: Uint8Array, overrides: Partial<Parameters<typeof verifyPassToken>[1]> = {}) =>
  verifyPassToken(token, { trustList, statusList: statusList(), now, ...overrides });

const token = signPassToken(fields, key);

describe('verifyPassToken', () => {
  it('accepts a genuine pass and returns what was signed', () => {
    const result = verify(token);
    expect(result).toMatchObject({
      state: 'valid',
      allowsPassage: true,
      message: '通行证有效',
      warnings: [],
      signer: { kid: 'a1b2c3d4', issuerName: '江苏省交通运输厅', issuerRegion: '320000' },
    });
    expect(result.state === 'valid' && result.claims).toEqual({ ...fields, issuerCode: '320115' });
  });

  it('keeps a realistic pass small: under 200 bytes with 3 waypoints', () => {
    expect(token.length).toBeLessThan(200);
  });

  it('never calls a token valid after any single byte of it changed', () => {
    const states = new Map<PassVerificationState, number>();
    for (let i = 0; i < token.length; i++) {
      for (const replacement of new Set([token[i]! ^ 0x01, token[i]! ^ 0x80, 0x00, 0xff, (token[i]! + 1) & 0xff])) {
        if (replacement === token[i]) continue;
        const tampered = token.slice();
        tampered[i] = replacement;
        const result = verify(tampered);
        if (result.allowsPassage) throw new Error(`byte ${i} set to ${replacement} still verified as ${result.state}`);
        states.set(result.state, (states.get(result.state) ?? 0) + 1);
      }
    }
    expect([...states.keys()].sort()).toEqual(['malformed', 'signature_invalid', 'unknown_key']);
  });

  it('reaches the same verdict from a token decoded once as from its bytes', () => {
    // A server decodes a scan once (to pick the issuer's trust list) and verifies that (docs/scaling.md §6.7).
    const tampered = token.slice();
    tampered[token.length - 1] = token[token.length - 1]! ^ 0x01;
    const revoked = statusList([[6, PassTokenStatus.Revoked]]);
    for (const [bytes, overrides] of [
      [token, {}],
      [token, { statusList: revoked }],
      [tampered, {}],
      [signPassToken(fields, { ...key, kid: 'ffffffff' }), {}],
    ] as const) {
      const decoded = decodePassToken(bytes);
      expect(decoded).toBeDefined();
      expect(verify(bytes, overrides)).toEqual(
        verifyPassToken(decoded!, { trustList, statusList: statusList(), now, ...overrides }),
      );
    }
    expect(verify(tampered).state).toBe('signature_invalid');
    expect(decodePassToken(token.subarray(0, 10))).toBeUndefined();
  });

  it('refuses a truncated or extended token', () => {
    expect(verify(token.subarray(0, token.length - 1)).state).toBe('malformed');
    expect(verify(Uint8Array.of(...token, 0)).state).toBe('malformed');
    expect(verify(new Uint8Array(0)).state).toBe('malformed');
  });

  it('reports a token signed by a key outside the trust list as unknown', () => {
    const forged = signPassToken(fields, { kid: '0badc0de', secretKey: otherSecretKey, algorithm: 'Ed25519' });
    expect(verify(forged)).toMatchObject({ state: 'unknown_key', kid: '0badc0de', allowsPassage: false });
  });

  it('reports a token signed by another key under a trusted key id as a bad signature', () => {
    const forged = signPassToken(fields, { kid: key.kid, secretKey: otherSecretKey, algorithm: 'Ed25519' });
    const result = verify(forged);
    expect(result).toMatchObject({ state: 'signature_invalid', allowsPassage: false });
    expect(result).not.toHaveProperty('claims');
  });

  it('reports revoked and superseded passes from the status list', () => {
    expect(verify(token, { statusList: statusList([[6, PassTokenStatus.Revoked]]) })).toMatchObject({
      state: 'revoked',
      advice: expect.stringContaining('江苏省交通运输厅'),
    });
    expect(verify(token, { statusList: statusList([[6, PassTokenStatus.Superseded]]) }).state).toBe('superseded');
    expect(verify(token, { statusList: statusList([[6, PassTokenStatus.Reserved]]) }).state).toBe('revoked');
    expect(verify(token, { statusList: statusList([[5, PassTokenStatus.Revoked]]) }).state).toBe('valid');
  });

  it('checks validity by China dates, with the clock skew allowed at both ends', () => {
    // 2022-05-29 ends at 2022-05-29T16:00Z.
    const expired = verify(token, { now: new Date('2022-05-29T16:06:00Z') });
    expect(expired).toMatchObject({ state: 'expired', validTo: '2022-05-29', expiredAt: '2022-05-29T16:00:00.000Z' });
    expect(expired.message).toBe('通行证已于2022年5月29日到期');
    expect(verify(token, { now: new Date('2022-05-29T16:04:00Z') }).state).toBe('valid');
    // 2022-05-20 begins at 2022-05-19T16:00Z.
    expect(verify(token, { now: new Date('2022-05-19T15:50:00Z') })).toMatchObject({
      state: 'not_yet_valid',
      validFrom: '2022-05-20',
      validFromAt: '2022-05-19T16:00:00.000Z',
    });
    expect(verify(token, { now: new Date('2022-05-19T15:56:00Z') }).state).toBe('valid');
    expect(verify(token, { now: new Date('2022-05-19T15:56:00Z'), maxClockSkewSeconds: 0 }).state).toBe(
      'not_yet_valid',
    );
  });

  it('refuses a pass signed outside its key period', () => {
    const retired: TrustedKey = { ...trustedKey, validFrom: '2022-01-01T00:00:00Z', validTo: '2022-05-01T00:00:00Z' };
    expect(verify(token, { trustList: { ...trustList, keys: [retired] } })).toMatchObject({
      state: 'key_not_valid_at_issue',
      issuedAt: fields.issuedAt,
      keyValidTo: '2022-05-01T00:00:00Z',
    });
    const future: TrustedKey = { ...trustedKey, validFrom: '2022-05-20T00:00:00Z' };
    expect(verify(token, { trustList: { ...trustList, keys: [future] } }).state).toBe('key_not_valid_at_issue');
  });

  it('refuses a pass numbered outside the key holder’s jurisdiction', () => {
    const zhejiang = signPassToken({ ...fields, passNumber: '330100000001' }, key);
    expect(verify(zhejiang)).toMatchObject({ state: 'issuer_mismatch', issuerCode: '330100' });
  });

  it('refuses signed payloads with unknown keys, non-canonical fields or wrong types', () => {
    const payload = (extra: [number, CborValue][]) => {
      const map = new Map<number, CborValue>([
        [PayloadKey.PassNumber, 320115000123],
        [PayloadKey.Plate, '苏AD12345'],
        [PayloadKey.PlateColour, 3],
        [PayloadKey.ValidFrom, 19132],
        [PayloadKey.ValidTo, 19141],
        [PayloadKey.Origin, 320115],
        [PayloadKey.Destination, 650102],
        [PayloadKey.MaterialCategory, 2],
        [PayloadKey.StatusIndex, 6],
        [PayloadKey.IssuedAt, 1652952600],
        ...extra,
      ]);
      return signCoseSign1(encodeCbor(map), fromHex(key.kid)!, secretKey, 'Ed25519');
    };
    expect(verify(payload([])).state).toBe('valid');
    expect(verify(payload([[14, 1]]))).toMatchObject({ state: 'malformed', reason: 'Unknown payload key 14' });
    expect(verify(payload([[PayloadKey.Waypoints, []]])).state).toBe('malformed');
    expect(verify(payload([[PayloadKey.MaterialCategory, 'daily_necessities']])).state).toBe('malformed');
    expect(verify(payload([[PayloadKey.MaterialCategory, 99]])).state).toBe('malformed');
    expect(verify(payload([[PayloadKey.PlateColour, 9]])).state).toBe('malformed');
    expect(verify(payload([[PayloadKey.PassNumber, '320115000123']])).state).toBe('malformed');
    expect(verify(payload([[PayloadKey.ValidTo, 19000]])).state).toBe('malformed');
    expect(verify(payload([[PayloadKey.Origin, 12345]])).state).toBe('malformed');
    const notAMap = signCoseSign1(encodeCbor([1, 2]), fromHex(key.kid)!, secretKey, 'Ed25519');
    expect(verify(notAMap).state).toBe('malformed');
  });

  it('carries a provincial material category as its text code', () => {
    const water = signPassToken({ ...fields, materialCategory: 'urban_water_supply', waypointCodes: [] }, key);
    const result = verify(water);
    expect(result.state === 'valid' && result.claims).toMatchObject({
      materialCategory: 'urban_water_supply',
      waypointCodes: [],
    });
  });

  it('warns about stale or missing data but still decides', () => {
    const later = new Date('2022-05-24T04:00:00Z');
    const result = verify(token, { now: later });
    expect(result.state).toBe('valid');
    expect(result.warnings).toEqual([
      { code: 'stale_trust_list', hoursOld: 52, message: '信任列表已52小时未更新，请尽快联网更新' },
      { code: 'stale_status_list', hoursOld: 51, message: expect.stringContaining('51小时') },
    ]);
    expect(verify(token, { statusList: undefined }).warnings).toEqual([
      { code: 'status_list_missing', message: expect.any(String) },
    ]);
    const beforeIssue = statusList([], '2022-05-19T00:00:00Z');
    expect(verify(token, { statusList: beforeIssue }).warnings).toContainEqual(
      expect.objectContaining({ code: 'status_not_covered' }),
    );
    const tooShort = encodeStatusList(1, new Date('2022-05-22T00:00:00Z'), buildStatusListBits(4, []));
    expect(verify(token, { statusList: tooShort }).warnings).toMatchObject([{ code: 'status_not_covered' }]);
  });

  it('verifies the token inside a scanned URL, also as WeChat’s q parameter', () => {
    const url = encodePassUrl('https://pass.example.gov.cn', token);
    expect(verifyPassUrl(url, { trustList, statusList: statusList(), now }).state).toBe('valid');
    expect(verifyPassUrl(encodeURIComponent(url), { trustList, statusList: statusList(), now }).state).toBe('valid');
    expect(verifyPassUrl('https://weixin.qq.com/x', { trustList, now }).state).toBe('malformed');
  });

  it('flags a URL outside the official addresses of the trust list, the token still verified', () => {
    const official = { ...trustList, passUrlOrigins: ['https://pass.example.gov.cn', 'https://pass.zj.gov.cn'] };
    const scan = (url: string) => verifyPassUrl(url, { trustList: official, statusList: statusList(), now });
    const unofficial = (origin: string | null) => ({
      code: 'unofficial_origin',
      origin,
      message: `此二维码网址不是官方核验地址${origin ? `（${origin}）` : ''}，请勿相信该网址打开的页面，以本机核验结果为准，并核对车辆和司乘人员`,
    });
    for (const base of ['https://pass.example.gov.cn', 'HTTPS://PASS.EXAMPLE.GOV.CN:443', 'https://pass.zj.gov.cn']) {
      const result = scan(encodePassUrl(base, token));
      expect(result.state).toBe('valid');
      expect(result.warnings).toEqual([]);
    }
    const lookAlike = scan(encodePassUrl('https://pass-example-gov.cn', token));
    expect(lookAlike.state).toBe('valid');
    expect(lookAlike.warnings).toEqual([unofficial('https://pass-example-gov.cn')]);
    // In WeChat's q value, with user info, on another port, over http, without any scheme.
    const wrapped = `https://wx.example/?q=${encodeURIComponent(encodePassUrl('https://evil.example', token))}`;
    expect(scan(wrapped).warnings).toEqual([unofficial('https://evil.example')]);
    expect(scan(encodePassUrl('https://pass.example.gov.cn@evil.example', token)).warnings).toEqual([
      unofficial('https://evil.example'),
    ]);
    expect(scan(encodePassUrl('https://pass.example.gov.cn:8443', token)).warnings).toHaveLength(1);
    expect(scan(encodePassUrl('http://pass.example.gov.cn', token)).warnings).toHaveLength(1);
    expect(scan(encodePassUrl('pass.example.gov.cn', token)).warnings).toEqual([unofficial(null)]);
    // A list without official addresses (older servers) checks none.
    expect(
      verifyPassUrl(encodePassUrl('https://evil.example', token), { trustList, statusList: statusList(), now })
        .warnings,
    ).toEqual([]);
  });

  it('needs no TextEncoder, TextDecoder, atob, btoa or Buffer (the WeChat runtimes lack them)', () => {
    const globals = globalThis as Record<string, unknown>;
    const names = ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'Buffer'];
    const saved = names.map((name) => globals[name]);
    for (const name of names) delete globals[name];
    let result: PassVerification;
    try {
      result = verify(signPassToken(fields, key));
    } finally {
      names.forEach((name, i) => {
        globals[name] = saved[i];
      });
    }
    expect(result.state).toBe('valid');
  });

  it('maps every state to a scan record result, and words each in Chinese', () => {
    const samples: PassVerification[] = [
      verify(token),
      verify(token, { now: new Date('2022-06-30T00:00:00Z') }),
      verify(token, { now: new Date('2022-05-01T00:00:00Z') }),
      verify(token, { statusList: statusList([[6, PassTokenStatus.Revoked]]) }),
      verify(token, { statusList: statusList([[6, PassTokenStatus.Superseded]]) }),
      verify(signPassToken(fields, { kid: key.kid, secretKey: otherSecretKey, algorithm: 'Ed25519' })),
      verify(signPassToken(fields, { kid: '01', secretKey: otherSecretKey, algorithm: 'Ed25519' })),
      verify(token, { trustList: { ...trustList, keys: [{ ...trustedKey, validTo: '2022-05-01T00:00:00Z' }] } }),
      verify(signPassToken({ ...fields, passNumber: '330100000001' }, key)),
      verify(Uint8Array.of(1)),
    ];
    expect(new Set(samples.map((s) => s.state)).size).toBe(Object.keys(scanResultOfVerification).length);
    for (const sample of samples) {
      expect(sample.message).toMatch(/\p{Script=Han}/u);
      expect(sample.advice).toMatch(sample.state === 'valid' ? /放行/ : /不予放行/);
      expect(scanResultOfVerification[sample.state]).toBeDefined();
    }
  });
});

describe('encodePassPayload', () => {
  it('refuses fields a verifier could not read back', () => {
    expect(() => encodePassPayload({ ...fields, passNumber: '32011500012' })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...fields, plate: '苏A·D12345' })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...fields, validTo: '2022-05-19' })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...fields, originCode: '3201' })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...fields, materialCategory: '生活必需品' })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...fields, statusIndex: -1 })).toThrow(RangeError);
    expect(() => encodePassPayload({ ...fields, issuedAt: 'yesterday' })).toThrow(RangeError);
  });
});
