import { describe, expect, it } from '@jest/globals';
import { encodeBase64Url, fromHex, toHex } from './base64.js';
import { encodePassUrl } from './pass-url.js';
import { passSigningPublicKey, signPassToken } from './sign.js';
import { verifyPassToken } from './verify.js';
import { workedExamplePass } from './worked-example.js';

/** The worked example of docs/pass-token.md: if this test changes, the token format changed. */
const testKey = {
  kid: '65b60673',
  secretKey: Uint8Array.from({ length: 32 }, (_, i) => i + 1),
  algorithm: 'Ed25519' as const,
};

const fields = workedExamplePass;

const documentedHex =
  '8449a20127044465b60673a05845ab011b0000004a8857433b026ae88b8f4144' +
  '3132333435030304194abc05194ac5061a0004e273071a0009eb7608821a0006' +
  '41f91a0009764609020a1904d20b1a62860e185840165c12184e2259f067df62' +
  '9fa5629f25b93ec4fff0302cc0eaf4da8e48839abc98c91ed5f75c508f50efd6' +
  'daee3b8f589c298acb4842969566b24cf972dd8b0a';

describe('token format (docs/pass-token.md worked example)', () => {
  it('signs the documented fields to the documented bytes', () => {
    const token = signPassToken(fields, testKey);
    expect(toHex(token)).toBe(documentedHex);
    expect(encodeBase64Url(passSigningPublicKey(testKey.secretKey))).toBe(
      'ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ',
    );
    expect(encodePassUrl('https://pass.example.gov.cn', token)).toMatch(
      /^HTTPS:\/\/PASS\.EXAMPLE\.GOV\.CN\/V\/37235657078670404286/,
    );
  });

  it('verifies the documented bytes with the documented public key', () => {
    const trustList = {
      generatedAt: '2022-05-22T00:00:00Z',
      keys: [
        {
          kid: '65b60673',
          alg: 'EdDSA' as const,
          crv: 'Ed25519' as const,
          publicKey: 'ebVWLo_mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ',
          validFrom: '2022-04-01T00:00:00Z',
          validTo: null,
          issuerName: '江苏省重点物资运输车辆通行证签发系统',
          issuerRegion: '320000',
        },
      ],
    };
    const result = verifyPassToken(fromHex(documentedHex)!, { trustList, now: new Date('2022-05-22T04:00:00Z') });
    expect(result.state === 'valid' && result.claims).toEqual({ ...fields, issuerCode: '320115' });
  });
});
