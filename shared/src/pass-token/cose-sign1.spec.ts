import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { encodeCbor } from './cbor.js';
import { sigStructure } from './cose-sign1.js';

describe('Sig_structure', () => {
  it('is laid out byte for byte as the generic encoder writes it, at every length head', () => {
    // Lengths on both sides of each head size (23/24, 255/256, 65535/65536), and random ones.
    const edges = [0, 1, 23, 24, 255, 256, 65_535, 65_536];
    for (const headerLength of [0, 3, 23, 24]) {
      for (const payloadLength of edges) {
        const header = Uint8Array.from({ length: headerLength }, (_, i) => i);
        const payload = Uint8Array.from({ length: payloadLength }, (_, i) => (i * 7) & 0xff);
        expect(sigStructure(header, payload)).toEqual(encodeCbor(['Signature1', header, new Uint8Array(0), payload]));
      }
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 400 }), (header, payload) => {
        expect(sigStructure(header, payload)).toEqual(encodeCbor(['Signature1', header, new Uint8Array(0), payload]));
      }),
    );
  });
});
