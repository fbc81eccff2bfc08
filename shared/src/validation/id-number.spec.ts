import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDays, dayNumber, fromDayNumber } from '../dates.js';
import { idNumberCheckCharacter, idNumberInfo, maskIdNumber, validateIdNumber } from './id-number.js';

const today = '2024-06-01';
const check = (input: string) => validateIdNumber(input, { today });

describe('validateIdNumber', () => {
  it.each([
    ['11010519491231002X', 'the example of GB 11643, check character X'],
    ['320115199003071230', '南京市江宁区'],
    ['320103198507150020', '320103 白下区, abolished in 2013: old county codes stay valid'],
    ['510104200002291233', 'born on 29 February of a leap year'],
    ['654023198001011234', '新疆'],
  ])('accepts %s (%s)', (id) => {
    expect(check(id)).toEqual({ ok: true, value: id });
  });

  it.each([
    ['11010519491231002x', 'lower-case x'],
    ['110105 19491231 002X', 'spaces'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'full-width'],
  ])('normalises %s (%s)', (input) => {
    expect(check(input)).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it.each([
    ['', '请输入身份证号码'],
    ['110105491231002', '身份证号码应为18位，当前为15位'],
    ['1101051949123100XX', '身份证号码前17位应为数字，最后一位为数字或X'],
    ['11010519491231002Y', '身份证号码前17位应为数字，最后一位为数字或X'],
    ['990105194912310028', '身份证号码前两位地区码无效'],
    ['320115199902301234', '身份证号码中的出生日期无效'],
    ['320115199913011234', '身份证号码中的出生日期无效'],
    ['440524188001010014', '身份证号码中的出生日期不能早于1900年'],
    ['320115202501011234', '身份证号码中的出生日期不能晚于今天'],
    ['110105194912310021', '身份证号码校验位错误，请核对后重新输入'],
    ['320115199003071231', '身份证号码校验位错误，请核对后重新输入'],
  ])('refuses %s', (input, message) => {
    expect(check(input)).toEqual({ ok: false, message });
  });

  it('accepts residence permits of Hong Kong, Macau and Taiwan residents (81, 82, 83)', () => {
    for (const prefix of ['810000', '820000', '830000']) {
      const first17 = `${prefix}19900101001`;
      expect(check(first17 + idNumberCheckCharacter(first17)).ok).toBe(true);
    }
  });

  it('reads birth date and sex, and masks', () => {
    expect(idNumberInfo('11010519491231002X')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(idNumberInfo('320115199003071230').sex).toBe('male');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

const prefixes = ['11', '12', '13', '31', '32', '44', '50', '51', '54', '65', '71', '81', '82', '83'];
const validId = fc
  .tuple(
    fc.constantFrom(...prefixes),
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber(today) }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([prefix, county, birth, sequence]) => {
    const first17 =
      prefix +
      String(county).padStart(4, '0') +
      fromDayNumber(birth).replaceAll('-', '') +
      String(sequence).padStart(3, '0');
    return first17 + idNumberCheckCharacter(first17);
  });

describe('validateIdNumber, properties', () => {
  it('accepts every number built by the rules', () => {
    fc.assert(fc.property(validId, (id) => expect(check(id)).toEqual({ ok: true, value: id })));
  });

  it('refuses every single-character substitution of a valid number', () => {
    fc.assert(
      fc.property(validId, (id) => {
        for (let i = 0; i < id.length; i++) {
          for (const char of '0123456789X') {
            if (char === id[i]) continue;
            const altered = id.slice(0, i) + char + id.slice(i + 1);
            expect([altered, check(altered).ok]).toEqual([altered, false]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses birth dates after today', () => {
    const first17 = `320115${addDays(today, 1).replaceAll('-', '')}123`;
    expect(check(first17 + idNumberCheckCharacter(first17)).ok).toBe(false);
  });
});
