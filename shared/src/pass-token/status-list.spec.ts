import { describe, expect, it } from '@jest/globals';
import { buildStatusListBits, encodeStatusList, PassTokenStatus, statusAt, statusListBits } from './status-list.js';

describe('status list', () => {
  it('packs four statuses per byte, least significant bits first', () => {
    const bits = buildStatusListBits(9, [
      [1, PassTokenStatus.Revoked],
      [2, PassTokenStatus.Superseded],
      [8, PassTokenStatus.Revoked],
    ]);
    expect([...bits]).toEqual([0b00_10_01_00, 0, 0b01]);
    expect([0, 1, 2, 3, 8].map((i) => statusAt(bits, i))).toEqual([0, 1, 2, 0, 1]);
    expect(statusAt(bits, 12)).toBeUndefined();
    expect(statusAt(bits, -1)).toBeUndefined();
  });

  it('publishes the bitset as base64 and reads it back', () => {
    const bits = buildStatusListBits(1000, [[999, PassTokenStatus.Superseded]]);
    const list = encodeStatusList(7, new Date('2022-05-22T00:00:00Z'), bits);
    expect(list).toEqual({ version: 7, generatedAt: '2022-05-22T00:00:00.000Z', bits: expect.any(String) });
    expect(statusAt(statusListBits(list)!, 999)).toBe(PassTokenStatus.Superseded);
  });

  it('refuses indexes outside the list', () => {
    expect(() => buildStatusListBits(4, [[4, PassTokenStatus.Revoked]])).toThrow(RangeError);
  });
});
