import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { maskPhone, validateContactPhone, validatePhone } from './phone.js';
import { validateTransportLicenseNumber } from './transport-license.js';
import { validateVin, vinCharacterValue, vinCheckCharacter } from './vin.js';

describe('validatePhone', () => {
  it.each([
    ['13800000001', '13800000001'],
    ['19912345678', '19912345678'],
    ['+86 138 0000 0001', '13800000001'],
    ['0086-138-0000-0001', '13800000001'],
    ['8613800000001', '13800000001'],
    ['１３８０００００００１', '13800000001'],
  ])('accepts %s as %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '请输入手机号码'],
    ['1380000000', '手机号码应为11位，当前为10位'],
    ['138000000012', '手机号码应为11位，当前为12位'],
    ['12800000001', '手机号码应以13-19开头，请输入中国大陆手机号码'],
    ['23800000001', '手机号码应以13-19开头，请输入中国大陆手机号码'],
    ['1380000000a', '手机号码只能包含数字'],
  ])('refuses %s', (input, message) => {
    expect(validatePhone(input)).toEqual({ ok: false, message });
  });

  it('accepts every number of the 13-19 ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }), (second, rest) => {
        const phone = `1${second}${String(rest).padStart(9, '0')}`;
        expect(validatePhone(phone)).toEqual({ ok: true, value: phone });
      }),
    );
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
  });
});

describe('validateContactPhone', () => {
  it.each(['025-84561234', '02584561234', '0512 6788 1234', '0755-12345678-801', '010-1234567转12', '13800000001'])(
    'accepts %s',
    (input) => expect(validateContactPhone(input).ok).toBe(true),
  );

  it.each(['', '84561234', '12345', '025-123'])('refuses %s', (input) =>
    expect(validateContactPhone(input).ok).toBe(false),
  );
});

describe('validateTransportLicenseNumber', () => {
  it.each([
    ['320115001234', '320115001234'],
    [' 3201 1500 1234 ', '320115001234'],
    ['苏交运管宁字320100012345号', '苏交运管宁字320100012345号'],
    ['苏交运管货字320100012345号', '苏交运管货字320100012345号'],
    ['浙交运管许可杭字330100001234', '浙交运管许可杭字330100001234'],
    ['苏320115001234', '苏320115001234'],
  ])('accepts %s', (input, value) => {
    expect(validateTransportLicenseNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', '请输入道路运输证号'],
    ['32011500123', '道路运输证号应为12位数字，当前为11位'],
    ['990115001234', '道路运输证号前6位应为发证机关的行政区划代码'],
    ['ABC123', '道路运输证号格式不正确：应为12位数字，如320115001234'],
    ['苏交运管宁320100012345号', '道路运输证号格式不正确：应为12位数字，或如“苏交运管宁字320100012345号”'],
    ['苏交运管宁字12345号', '道路运输证号格式不正确：应为12位数字，或如“苏交运管宁字320100012345号”'],
  ])('refuses %s', (input, message) => {
    expect(validateTransportLicenseNumber(input)).toEqual({ ok: false, message });
  });
});

describe('validateVin', () => {
  it.each([
    ['1M8GDM9AXKP042788', 'the textbook North-American example, check X'],
    ['LSVAM4187C2184847', 'Chinese-built (L…)'],
    ['11111111111111111', 'all ones'],
  ])('accepts %s (%s)', (vin) => {
    expect(validateVin(vin)).toEqual({ ok: true, value: vin });
  });

  it('normalises lower-case, full-width and spaces', () => {
    expect(validateVin(' lsvam4187c2184847 ')).toEqual({ ok: true, value: 'LSVAM4187C2184847' });
    expect(validateVin('ＬＳＶＡＭ４１８７Ｃ２１８４８４７')).toEqual({ ok: true, value: 'LSVAM4187C2184847' });
  });

  it.each([
    ['', '请输入车辆识别代号（VIN）'],
    ['LSVAM4187C218484', '车辆识别代号（VIN）应为17位，当前为16位'],
    ['LSVAM4187C218484I', '车辆识别代号（VIN）不能含有字母I、O、Q'],
    ['LSVAM4187C21848Q7', '车辆识别代号（VIN）不能含有字母I、O、Q'],
    ['LSVAM4187C21848#7', '车辆识别代号（VIN）只能包含数字和大写字母'],
    ['LSVAM4185C2184847', '车辆识别代号（VIN）第9位校验位错误，请核对行驶证'],
    ['1M8GDM9A1KP042788', '车辆识别代号（VIN）第9位校验位错误，请核对行驶证'],
  ])('refuses %s', (input, message) => {
    expect(validateVin(input)).toEqual({ ok: false, message });
  });
});

const vinAlphabet = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const validVin = fc.string({ unit: fc.constantFrom(...vinAlphabet), minLength: 17, maxLength: 17 }).map((draft) => {
  const vin = `${draft.slice(0, 8)}0${draft.slice(9)}`;
  return `${vin.slice(0, 8)}${vinCheckCharacter(vin)}${vin.slice(9)}`;
});

describe('validateVin, properties', () => {
  it('accepts every VIN built with its check digit', () => {
    fc.assert(fc.property(validVin, (vin) => expect(validateVin(vin)).toEqual({ ok: true, value: vin })));
  });

  it('refuses every single-character substitution that changes the check sum', () => {
    fc.assert(
      fc.property(validVin, (vin) => {
        for (let i = 0; i < 17; i++) {
          for (const char of `${vinAlphabet}IOQ-`) {
            if (char === vin[i]) continue;
            const altered = vin.slice(0, i) + char + vin.slice(i + 1);
            // The check digit cannot see a letter swapped for one of equal value (A/J/1, B/K/S/2, …).
            const invisible = i !== 8 && vinCharacterValue(char) === vinCharacterValue(vin[i]!);
            expect([altered, validateVin(altered).ok]).toEqual([altered, invisible]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
