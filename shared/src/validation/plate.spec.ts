import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkPlateColour, formatPlate, parsePlate, plateProvinces, validatePlate } from './plate.js';

describe('parsePlate', () => {
  it.each([
    ['苏A12345', 'ordinary'],
    ['京AF0236', 'ordinary'],
    ['沪AB123C', 'ordinary'],
    ['苏AD12345', 'new_energy_small'],
    ['粤BFK1234', 'new_energy_small'],
    ['浙AA12345', 'new_energy_small'],
    ['苏A12345D', 'new_energy_large'],
    ['鲁B12345F', 'new_energy_large'],
    ['苏A1234挂', 'trailer'],
    ['苏A1234学', 'coach'],
    ['苏A1234警', 'police'],
    ['粤Z1234港', 'hong_kong_macau'],
    ['粤Z123A澳', 'hong_kong_macau'],
  ])('reads %s as %s', (plate, kind) => {
    expect(parsePlate(plate)).toEqual({ ok: true, value: { plate, kind } });
  });

  it.each([
    ['苏A·12345', 'middle dot'],
    ['苏a12345', 'lower case'],
    [' 苏 A 123 45 ', 'spaces'],
    ['苏Ａ１２３４５', 'full-width letters and digits'],
    ['苏Ａ・１２３４５', 'full-width letters with a katakana middle dot'],
    ['苏A-12345', 'hyphen'],
  ])('normalises %s (%s) to 苏A12345', (input) => {
    expect(parsePlate(input)).toEqual({ ok: true, value: { plate: '苏A12345', kind: 'ordinary' } });
  });

  it.each([
    ['', '请输入车牌号码'],
    ['A12345', '车牌号码第1位应为省、自治区、直辖市简称，如苏、京'],
    ['港A12345', '车牌号码第1位应为省、自治区、直辖市简称，如苏、京'],
    ['苏I12345', '车牌号码第2位发牌机关代号不能使用字母I或O'],
    ['苏O12345', '车牌号码第2位发牌机关代号不能使用字母I或O'],
    ['苏112345', '车牌号码第2位应为发牌机关代号（大写字母）'],
    ['苏A1234O', '车牌号码不能含有字母I或O（易与数字1、0混淆）'],
    ['苏AI2345', '车牌号码不能含有字母I或O（易与数字1、0混淆）'],
    ['苏A1234', '车牌号码位数不正确：普通号牌7位，新能源号牌8位，当前为6位'],
    ['苏A1234567', '车牌号码位数不正确：普通号牌7位，新能源号牌8位，当前为9位'],
    ['苏A123456', '新能源汽车号牌序号的第1位或第6位应为字母D、F等（A-K），其余为数字'],
    ['苏AD1234F', '新能源汽车号牌序号的第1位或第6位应为字母D、F等（A-K），其余为数字'],
    ['苏AL12345', '新能源汽车号牌序号的第1位或第6位应为字母D、F等（A-K），其余为数字'],
    ['苏A1234#', '车牌号码序号只能包含数字和字母'],
    ['苏A123挂', '挂车号牌应为省份简称、字母和4位序号加“挂”'],
    ['京A1234港', '港澳入出境车号牌应以“粤Z”开头'],
  ])('refuses %s', (input, message) => {
    expect(parsePlate(input)).toEqual({ ok: false, message });
  });
});

describe('validatePlate (the vehicle on a pass)', () => {
  it('accepts ordinary, new-energy and 港澳 plates', () => {
    for (const plate of ['苏A12345', '苏AD12345', '苏A12345D', '粤Z1234港']) expect(validatePlate(plate).ok).toBe(true);
  });

  it.each([
    ['苏A1234挂', '无需填写挂车号牌：半挂车等汽车列车只填写牵引车的车牌号码'],
    ['苏A1234学', '教练车不能申请重点物资运输通行证'],
    ['苏A1234警', '警用车辆无需申请重点物资运输通行证'],
  ])('refuses %s', (input, message) => {
    expect(validatePlate(input)).toEqual({ ok: false, message });
  });

  it('formats with a middle dot for display', () => {
    expect(formatPlate('苏A12345')).toBe('苏A·12345');
  });
});

describe('checkPlateColour', () => {
  const plate = (input: string) => {
    const parsed = parsePlate(input);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  };

  it.each([
    ['苏A12345', 'blue', true],
    ['苏A12345', 'yellow', true],
    ['苏A12345', 'green', false],
    ['苏A12345', 'yellow_green', false],
    ['苏A12345', 'white', false],
    ['苏AD12345', 'green', true],
    ['苏AD12345', 'yellow_green', false],
    ['苏AD12345', 'blue', false],
    ['苏A12345D', 'yellow_green', true],
    ['苏A12345D', 'green', false],
    ['苏A12345D', 'yellow', false],
    ['粤Z1234港', 'black', true],
    ['粤Z1234港', 'yellow', false],
    ['苏A1234挂', 'yellow', true],
    ['苏A1234警', 'white', true],
  ] as const)('%s in %s: %s', (input, colour, ok) => {
    expect(checkPlateColour(plate(input), colour).ok).toBe(ok);
  });

  it('says which colour the plate needs', () => {
    expect(checkPlateColour(plate('苏A12345D'), 'green')).toEqual({
      ok: false,
      message: '车牌颜色与号牌不符：大型新能源汽车号牌应为黄绿双拼色',
    });
  });
});

const province = fc.constantFrom(...plateProvinces);
const letter = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ');
const digit = fc.constantFrom(...'0123456789');
const serialChar = fc.oneof(letter, digit);
const energy = fc.constantFrom(...'ABCDEFGHJK');
const chars = (arb: fc.Arbitrary<string>, n: number) => fc.string({ unit: arb, minLength: n, maxLength: n });

const validPlate = fc.oneof(
  fc.tuple(province, letter, chars(serialChar, 5)).map(([p, l, s]) => ({ plate: p + l + s, kind: 'ordinary' })),
  fc
    .tuple(province, letter, energy, serialChar, chars(digit, 4))
    .map(([p, l, e, c, d]) => ({ plate: p + l + e + c + d, kind: 'new_energy_small' })),
  fc
    .tuple(province, letter, chars(digit, 5), energy)
    .map(([p, l, d, e]) => ({ plate: p + l + d + e, kind: 'new_energy_large' })),
);

const toFullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parsePlate, properties', () => {
  it('reads every plate built by the rules, with its kind', () => {
    fc.assert(
      fc.property(validPlate, ({ plate, kind }) =>
        expect(parsePlate(plate)).toEqual({ ok: true, value: { plate, kind } }),
      ),
    );
  });

  it('normalises full-width, lower-case, spaced and dotted variants to the same plate', () => {
    fc.assert(
      fc.property(validPlate, fc.constantFrom(' ', '·', ' · ', '-'), ({ plate }, separator) => {
        const variants = [
          toFullWidth(plate),
          plate.toLowerCase(),
          `${plate.slice(0, 2)}${separator}${plate.slice(2)}`,
          ` ${toFullWidth(plate.slice(0, 4)).toLowerCase()}${plate.slice(4)} `,
        ];
        for (const variant of variants) expect(parsePlate(variant)).toMatchObject({ ok: true, value: { plate } });
      }),
    );
  });

  it('refuses any plate where I or O replaces a character after the province', () => {
    fc.assert(
      fc.property(validPlate, fc.constantFrom('I', 'O'), fc.nat(), ({ plate }, bad, n) => {
        const i = 1 + (n % (plate.length - 1));
        expect(parsePlate(plate.slice(0, i) + bad + plate.slice(i + 1)).ok).toBe(false);
      }),
    );
  });
});
