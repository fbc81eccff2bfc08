import { describe, expect, it } from '@jest/globals';
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeBase64, encodeBase64Url } from '../pass-token/base64.js';
import { buildStatusListBits, PassTokenStatus, statusAt, statusListBits } from '../pass-token/status-list.js';
import type { TrustList } from '../pass-token/trust-list.js';
import { openSignedDocument, signDocument } from './signed-document.js';
import { applyStatusListUpdate } from './status-sync.js';

describe('status list updates', () => {
  const full = { kind: 'full', version: 3, generatedAt: '2022-05-20T00:00:00Z', size: 9, bits: '' } as const;

  it('applies a delta on top of the version it was made from', () => {
    const start = applyStatusListUpdate(undefined, { ...full, bits: encodeBits(9, [[2, PassTokenStatus.Revoked]]) });
    const next = applyStatusListUpdate(start, {
      kind: 'delta',
      since: 3,
      version: 5,
      generatedAt: '2022-05-21T00:00:00Z',
      size: 14,
      changes: [
        [7, PassTokenStatus.Superseded],
        [13, PassTokenStatus.Revoked],
      ],
    });
    const bits = statusListBits(next)!;
    expect([2, 7, 13, 0, 12].map((i) => statusAt(bits, i))).toEqual([1, 2, 1, 0, 0]);
    expect(next.version).toBe(5);
  });

  it('refuses a delta made from another version', () => {
    const start = applyStatusListUpdate(undefined, { ...full, bits: encodeBits(9, []) });
    expect(() =>
      applyStatusListUpdate(start, {
        kind: 'delta',
        since: 2,
        version: 4,
        generatedAt: full.generatedAt,
        size: 9,
        changes: [],
      }),
    ).toThrow(RangeError);
  });
});

describe('signed documents', () => {
  const secretKey = ed25519.utils.randomSecretKey();
  const trustList: TrustList = {
    generatedAt: '2022-05-20T00:00:00Z',
    keys: [
      {
        kid: 'a1b2c3d4',
        alg: 'EdDSA',
        crv: 'Ed25519',
        publicKey: encodeBase64Url(ed25519.getPublicKey(secretKey)),
        validFrom: '2022-01-01T00:00:00Z',
        validTo: null,
        issuerName: '测试',
        issuerRegion: '320000',
      },
    ],
  };

  it('opens what a trusted key signed, and nothing altered or signed by another key', () => {
    const doc = signDocument({ version: 7 }, { kid: 'a1b2c3d4', secretKey, algorithm: 'Ed25519' });
    expect(openSignedDocument(doc, trustList)).toEqual({ version: 7 });
    expect(openSignedDocument({ ...doc, body: '{"version":8}' }, trustList)).toBeUndefined();
    const stranger = signDocument(
      { version: 7 },
      { kid: 'a1b2c3d4', secretKey: ed25519.utils.randomSecretKey(), algorithm: 'Ed25519' },
    );
    expect(openSignedDocument(stranger, trustList)).toBeUndefined();
    expect(openSignedDocument({ ...doc, kid: 'ffffffff' }, trustList)).toBeUndefined();
  });
});

function encodeBits(size: number, entries: [number, 0 | 1 | 2 | 3][]): string {
  return encodeBase64(buildStatusListBits(size, entries));
}
