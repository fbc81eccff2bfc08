import { describe, expect, it } from '@jest/globals';
import * as cborg from 'cborg';
import fc from 'fast-check';
import { type CborValue, decodeCbor, encodeCbor } from './cbor.js';

const hex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));

const cborValue: fc.Arbitrary<CborValue> = fc.letrec<{ value: CborValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.maxSafeInteger(),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.uint8Array({ maxLength: 40 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .uniqueArray(fc.tuple(fc.integer({ min: -1000, max: 1_000_000 }), tie('value')), {
        maxLength: 4,
        selector: ([key]) => key,
      })
      .map((entries) => new Map(entries)),
  ),
})).value;

describe('deterministic CBOR subset', () => {
  it('encodes exactly as cborg does in RFC 8949 deterministic mode, and cborg reads it back', () => {
    fc.assert(
      fc.property(cborValue, (value) => {
        const ours = encodeCbor(value);
        expect(ours).toEqual(cborg.encode(value, cborg.rfc8949EncodeOptions));
        expect(cborg.decode(ours, { useMaps: true, strict: true, rejectDuplicateMapKeys: true })).toEqual(value);
        expect(decodeCbor(ours)).toEqual(value);
      }),
    );
  });

  it('uses the shortest integer heads (RFC 8949 appendix A vectors)', () => {
    expect(encodeCbor(0)).toEqual(hex('00'));
    expect(encodeCbor(23)).toEqual(hex('17'));
    expect(encodeCbor(24)).toEqual(hex('1818'));
    expect(encodeCbor(1000)).toEqual(hex('1903e8'));
    expect(encodeCbor(1_000_000)).toEqual(hex('1a000f4240'));
    expect(encodeCbor(1_000_000_000_000)).toEqual(hex('1b000000e8d4a51000'));
    expect(encodeCbor(-1000)).toEqual(hex('3903e7'));
    expect(encodeCbor('水')).toEqual(hex('63e6b0b4'));
  });

  it('sorts map keys by their encoded bytes: small before large, unsigned before negative', () => {
    const map = new Map<number, CborValue>([
      [-1, 0],
      [300, 0],
      [4, 0],
      [1, 0],
    ]);
    expect([...(decodeCbor(encodeCbor(map)) as Map<number, CborValue>).keys()]).toEqual([1, 4, 300, -1]);
  });

  it.each([
    ['a non-shortest integer', '1817'],
    ['a non-shortest length', '5801ff'],
    ['an indefinite-length array', '9f01ff'],
    ['a tag', 'c11a514b67b0'],
    ['a float', 'f93c00'],
    ['true', 'f5'],
    ['trailing bytes', '0000'],
    ['a truncated byte string', '4401'],
    ['unsorted map keys', 'a2040001 00'.replace(' ', '')],
    ['duplicate map keys', 'a201000100'],
    ['a text map key', 'a1616100'],
    ['invalid UTF-8', '62c0af'],
    ['an encoded surrogate', '63eda080'],
    ['a huge array count', '9affffffff'],
    ['an integer beyond 2^53', '1b0020000000000000'],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeCbor(hex(bytes))).toThrow();
  });
});
