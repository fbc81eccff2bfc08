import { describe, expect, it } from '@jest/globals';
import { issuerDocumentSchema } from '../api/federation-views.js';
import { encodeBase64Url } from '../pass-token/base64.js';
import type { PassTokenFields } from '../pass-token/claims.js';
import { passSigningPublicKey, signPassToken } from '../pass-token/sign.js';
import { buildStatusListBits, encodeStatusList, PassTokenStatus } from '../pass-token/status-list.js';
import type { TrustedKey, TrustList } from '../pass-token/trust-list.js';
import { decodePassToken } from '../pass-token/verify.js';
import { workedExamplePass } from '../pass-token/worked-example.js';
import { signDocument } from '../verification/signed-document.js';
import { tokenKeyId, verifyFederatedToken } from './federated-verify.js';
import { type IssuerDocument, issuerTrustList, keyFingerprint, openIssuerDocument } from './issuer-document.js';

const parse = (json: unknown) => {
  const parsed = issuerDocumentSchema.safeParse(json);
  return parsed.success ? (parsed.data as IssuerDocument) : undefined;
};

const secret = (seed: number) => Uint8Array.from({ length: 32 }, (_, i) => (seed + i) & 0xff);
const jiangsuKey = { kid: '11111111', secretKey: secret(1), algorithm: 'Ed25519' as const };
const jiangsuNextKey = { kid: '22222222', secretKey: secret(60), algorithm: 'Ed25519' as const };
const zhejiangKey = { kid: '33333333', secretKey: secret(120), algorithm: 'Ed25519' as const };

const trusted = (
  key: { kid: string; secretKey: Uint8Array; algorithm: 'Ed25519' },
  issuerName: string,
  issuerRegion: string,
): TrustedKey => ({
  kid: key.kid,
  alg: 'EdDSA',
  crv: 'Ed25519',
  publicKey: encodeBase64Url(passSigningPublicKey(key.secretKey)),
  validFrom: '2022-04-01T00:00:00.000Z',
  validTo: null,
  issuerName,
  issuerRegion,
});

function jiangsuDocument(keys: TrustedKey[], signer = jiangsuKey, generatedAt = '2022-05-22T00:00:00.000Z') {
  const body: IssuerDocument = {
    format: 'pass-issuer/1',
    issuerName: '江苏省重点物资运输车辆通行证签发系统',
    issuerRegion: '320000',
    generatedAt,
    documentUrl: 'https://txz.jtt.jiangsu.gov.cn/api/federation/issuer',
    statusListUrl: 'https://txz.jtt.jiangsu.gov.cn/api/verification/status-list',
    passPageUrl: 'https://txz.jtt.jiangsu.gov.cn',
    trustList: { generatedAt, keys, passUrlOrigins: ['https://txz.jtt.jiangsu.gov.cn'] },
    departments: [{ regionCode: '320100', name: '南京市工业和信息化局', dutyPhone: '025-83000001' }],
    fingerprint: keyFingerprint(passSigningPublicKey(signer.secretKey)),
  };
  return { body, signed: signDocument(body, signer) };
}

const jiangsuTrusted = trusted(jiangsuKey, '江苏省重点物资运输车辆通行证签发系统', '320000');

describe('issuer documents', () => {
  it('opens a self-consistent document and gives the fingerprint people compare', () => {
    const { signed } = jiangsuDocument([jiangsuTrusted]);
    const opened = openIssuerDocument(signed, parse);
    expect(opened).toMatchObject({ ok: true, signerKid: '11111111' });
    expect(opened.ok && opened.signerFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an altered body, a foreign signer, a false fingerprint and keys or departments outside the region', () => {
    const { signed, body } = jiangsuDocument([jiangsuTrusted]);
    expect(openIssuerDocument({ ...signed, body: signed.body.replace('025-83000001', '025-99999999') }, parse).ok).toBe(
      false,
    );
    // Signed by a key that is not in its own trust list.
    expect(openIssuerDocument(signDocument(body, zhejiangKey), parse).ok).toBe(false);
    const lying = { ...body, fingerprint: keyFingerprint(passSigningPublicKey(zhejiangKey.secretKey)) };
    expect(openIssuerDocument(signDocument(lying, jiangsuKey), parse)).toMatchObject({ ok: false });
    const reaching = jiangsuDocument([{ ...jiangsuTrusted, issuerRegion: '330000' }]);
    expect(openIssuerDocument(reaching.signed, parse)).toMatchObject({ ok: false });
    const department = { ...body, departments: [{ regionCode: '330100', name: '杭州', dutyPhone: '0571-1' }] };
    expect(openIssuerDocument(signDocument(department, jiangsuKey), parse)).toMatchObject({ ok: false });
    expect(openIssuerDocument({ ...signed, body: '{' }, parse)).toMatchObject({ ok: false });
  });

  it('takes an update automatically only when a key already trusted signed it (rotation)', () => {
    const stored: TrustList = { generatedAt: '', keys: [jiangsuTrusted] };
    const nextTrusted = trusted(jiangsuNextKey, '江苏省重点物资运输车辆通行证签发系统', '320000');
    // The rotated key is published first, still signed by the old key: accepted.
    const announced = jiangsuDocument([jiangsuTrusted, nextTrusted]);
    expect(openIssuerDocument(announced.signed, parse, stored).ok).toBe(true);
    // Then signed by the new key, which the importer now holds: accepted.
    const afterAnnounce: TrustList = { generatedAt: '', keys: [jiangsuTrusted, nextTrusted] };
    const rotated = jiangsuDocument([jiangsuTrusted, nextTrusted], jiangsuNextKey);
    expect(openIssuerDocument(rotated.signed, parse, afterAnnounce).ok).toBe(true);
    // A document signed only by a key the importer never saw: refused, whatever it says.
    expect(openIssuerDocument(rotated.signed, parse, stored)).toMatchObject({ ok: false });
  });
});

describe('verifying passes of several issuers', () => {
  const fields: PassTokenFields = {
    ...workedExamplePass,
    destinationCode: '330102',
    waypointCodes: [],
    statusIndex: 5,
  };
  const now = new Date('2022-05-22T04:00:00Z');
  const own: TrustList = {
    generatedAt: '2022-05-22T00:00:00Z',
    keys: [trusted(zhejiangKey, '浙江省重点物资运输车辆通行证签发系统', '330000')],
  };
  const jiangsu = {
    issuerName: '江苏省重点物资运输车辆通行证签发系统',
    issuerRegion: '320000',
    passPageUrl: 'https://txz.jtt.jiangsu.gov.cn',
    trustList: issuerTrustList(jiangsuDocument([jiangsuTrusted]).body),
    statusList: encodeStatusList(1, new Date('2022-05-22T00:00:00Z'), buildStatusListBits(10, [])),
  };

  it('verifies a foreign pass with its issuer’s keys, departments and status list', () => {
    const token = signPassToken(fields, jiangsuKey);
    const { verification, foreignIssuer } = verifyFederatedToken(token, { trustList: own, issuers: [jiangsu], now });
    expect(verification.state).toBe('valid');
    expect(foreignIssuer?.issuerName).toBe('江苏省重点物资运输车辆通行证签发系统');
    expect('issuingDepartment' in verification && verification.issuingDepartment?.dutyPhone).toBe('025-83000001');
    const revoked = {
      ...jiangsu,
      statusList: encodeStatusList(
        2,
        new Date('2022-05-22T00:00:00Z'),
        buildStatusListBits(10, [[5, PassTokenStatus.Revoked]]),
      ),
    };
    expect(verifyFederatedToken(token, { trustList: own, issuers: [revoked], now }).verification.state).toBe('revoked');
    expect(verifyFederatedToken(token, { trustList: own, issuers: [], now })).toMatchObject({
      verification: { state: 'unknown_key' },
      foreignIssuer: null,
    });
    // Decoded once (as the server does to choose the trust list): the same issuer and verdict.
    const decoded = decodePassToken(token)!;
    expect(tokenKeyId(decoded)).toEqual(tokenKeyId(token));
    expect(verifyFederatedToken(decoded, { trustList: own, issuers: [revoked], now })).toEqual(
      verifyFederatedToken(token, { trustList: own, issuers: [revoked], now }),
    );
  });

  it('flags a foreign issuer’s stale status list, and a key cannot sign outside its issuer’s region', () => {
    const token = signPassToken(fields, jiangsuKey);
    const stale = {
      ...jiangsu,
      statusList: encodeStatusList(1, new Date('2022-05-19T00:00:00Z'), buildStatusListBits(10, [])),
    };
    const { verification } = verifyFederatedToken(token, { trustList: own, issuers: [stale], now });
    expect(verification.warnings.map((w) => w.code)).toContain('stale_status_list');
    // A Jiangsu key signing a pass numbered in Zhejiang.
    const forged = signPassToken({ ...fields, passNumber: '330102000001' }, jiangsuKey);
    expect(verifyFederatedToken(forged, { trustList: own, issuers: [jiangsu], now }).verification.state).toBe(
      'issuer_mismatch',
    );
  });
});
