import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatPassNumber, parsePassNumber, validatePassNumber } from './pass-number.js';

describe('pass numbers', () => {
  it('formats division code and zero-padded serial', () => {
    expect(formatPassNumber('320115', 1)).toBe('320115000001');
    expect(formatPassNumber('320100', 999_999)).toBe('320100999999');
    expect(formatPassNumber('320000', 42)).toBe('320000000042');
  });

  it('refuses to format an unknown division or a serial out of range', () => {
    expect(() => formatPassNumber('320199', 1)).toThrow(RangeError);
    expect(() => formatPassNumber('320115', 0)).toThrow(RangeError);
    expect(() => formatPassNumber('320115', 1_000_000)).toThrow(RangeError);
    expect(() => formatPassNumber('320115', 1.5)).toThrow(RangeError);
  });

  it('parses', () => {
    expect(parsePassNumber('320115000001')).toEqual({ ok: true, value: { divisionCode: '320115', serial: 1 } });
    expect(parsePassNumber(' 3201 1500 0001 ')).toEqual({ ok: true, value: { divisionCode: '320115', serial: 1 } });
  });

  it.each([
    ['', '请输入通行证编号'],
    ['32011500001', '通行证编号应为12位数字'],
    ['32011500000A', '通行证编号应为12位数字'],
    ['990115000001', '通行证编号前6位不是有效的行政区划代码'],
    ['320115000000', '通行证编号后6位序号应从000001开始'],
  ])('refuses %s', (input, message) => {
    expect(validatePassNumber(input)).toEqual({ ok: false, message });
  });

  it('still reads numbers of divisions that no longer exist', () => {
    expect(validatePassNumber('320103000007').ok).toBe(true);
  });

  it('round-trips every serial', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('320115', '320100', '110105', '441900', '429004'),
        fc.integer({ min: 1, max: 999_999 }),
        (code, serial) => {
          expect(parsePassNumber(formatPassNumber(code, serial))).toEqual({
            ok: true,
            value: { divisionCode: code, serial },
          });
        },
      ),
    );
  });
});
