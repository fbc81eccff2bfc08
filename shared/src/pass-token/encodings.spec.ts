import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeBase64, encodeBase64, encodeBase64Url, fromHex, toHex } from './base64.js';
import { bytesToDecimal, decimalToBytes } from './decimal.js';
import { decodeUtf8, encodeUtf8 } from './utf8.js';

// The platform's own codecs, as references (shared/ compiles without Node or DOM types).
const platform = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  Buffer: { from(bytes: Uint8Array): { toString(encoding: 'base64' | 'base64url'): string } };
};

describe('decimal digits of a token', () => {
  it('round-trips any bytes, 17 digits per 7 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const digits = bytesToDecimal(bytes);
        expect(digits).toMatch(/^\d*$/);
        expect(decimalToBytes(digits)).toEqual(bytes);
      }),
    );
  });

  it("writes each group as its number in decimal, padded to the group's digits", () => {
    const digitsFor = [0, 3, 5, 8, 10, 13, 15, 17];
    const byGroup = (bytes: Uint8Array) => {
      let out = '';
      for (let start = 0; start < bytes.length; start += 7) {
        const group = bytes.subarray(start, start + 7);
        const value = group.reduce((sum, byte) => sum * BigInt(256) + BigInt(byte), BigInt(0));
        out += value.toString().padStart(digitsFor[group.length]!, '0');
      }
      return out;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => expect(bytesToDecimal(bytes)).toBe(byGroup(bytes))),
    );
    for (let n = 1; n <= 7; n++) {
      expect(bytesToDecimal(new Uint8Array(n).fill(0xff))).toBe(byGroup(new Uint8Array(n).fill(0xff)));
      expect(bytesToDecimal(new Uint8Array(n))).toBe('0'.repeat(digitsFor[n]!));
    }
  });

  it('uses the fewest digits for a last partial group', () => {
    const lengths = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => bytesToDecimal(new Uint8Array(n).fill(0xff)).length);
    expect(lengths).toEqual([0, 3, 5, 8, 10, 13, 15, 17, 20]);
    expect(bytesToDecimal(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe('72057594037927935');
    expect(bytesToDecimal(Uint8Array.of(1))).toBe('001');
  });

  it('refuses impossible lengths, overflowing groups and non-digits', () => {
    expect(decimalToBytes('1')).toBeUndefined();
    expect(decimalToBytes('12')).toBeUndefined();
    expect(decimalToBytes('256')).toBeUndefined();
    expect(decimalToBytes('72057594037927936')).toBeUndefined();
    expect(decimalToBytes('12a')).toBeUndefined();
    expect(decimalToBytes('255')).toEqual(Uint8Array.of(255));
  });

  it('reads any digits as whole-group arithmetic does, overflow included', () => {
    // The reference: each group of 17 digits (or the tail) as one number, refused when it needs more bytes.
    const byGroup = (digits: string): Uint8Array | undefined => {
      const sizes: Record<number, number> = { 0: 0, 3: 1, 5: 2, 8: 3, 10: 4, 13: 5, 15: 6 };
      const tail = sizes[digits.length % 17];
      if (tail === undefined) return undefined;
      const out: number[] = [];
      for (let start = 0; start < digits.length; start += 17) {
        const chunk = digits.slice(start, start + 17);
        const size = chunk.length === 17 ? 7 : tail;
        let value = BigInt(chunk);
        if (value >= BigInt(2) ** BigInt(8 * size)) return undefined;
        const group: number[] = [];
        for (let i = 0; i < size; i++, value >>= BigInt(8)) group.unshift(Number(value & BigInt(255)));
        out.push(...group);
      }
      return Uint8Array.from(out);
    };
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{0,60}$/),
        fc.constantFrom('', '9'.repeat(17), '72057594037927935'),
        (a, b) => {
          const digits = a + b;
          expect(decimalToBytes(digits)).toEqual(byGroup(digits));
        },
      ),
    );
  });
});

describe('UTF-8 without TextEncoder', () => {
  it('agrees with the platform encoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = encodeUtf8(text);
        expect(bytes).toEqual(new platform.TextEncoder().encode(text));
        expect(decodeUtf8(bytes)).toBe(text);
      }),
    );
  });

  it('refuses overlong forms, surrogates and truncation', () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe6, 0xb0], [0xf8, 0x80, 0x80, 0x80, 0x80], [0x80]]) {
      expect(decodeUtf8(Uint8Array.from(bad))).toBeUndefined();
    }
  });
});

describe('base64 without atob', () => {
  it('agrees with Node in both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(platform.Buffer.from(bytes).toString('base64'));
        expect(encodeBase64Url(bytes)).toBe(platform.Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
        expect(decodeBase64(encodeBase64Url(bytes))).toEqual(bytes);
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses foreign characters', () => {
    expect(decodeBase64('ab$d')).toBeUndefined();
    expect(decodeBase64('abcde')).toBeUndefined();
    expect(fromHex('abc')).toBeUndefined();
  });
});
