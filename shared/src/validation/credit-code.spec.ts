import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  creditCodeAlphabet,
  creditCodeAuthorities,
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  validateCreditCode,
} from './credit-code.js';

/** Builds a code whose organization code and final check characters are both right. */
function buildCode(authorityAndType: string, division: string, organizationBody: string): string {
  const first17 = authorityAndType + division + organizationBody + organizationCodeCheckCharacter(organizationBody);
  return first17 + creditCodeCheckCharacter(first17);
}

describe('validateCreditCode', () => {
  it.each([
    ['91320115MA1MY5Q2XW', '企业 (demo seed)'],
    ['91440101MA5CJQ4N59', '企业, 广州'],
    ['91350200776049653A', '企业 with a pre-2015 organization code'],
    ['9135021359498494XQ', 'organization check character X'],
    ['92371000MA3MXH0E3W', '个体工商户'],
    ['123502001549897397', '机构编制: 事业单位'],
  ])('accepts %s (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it.each([
    ['91320115ma1my5q2xw', 'lower case'],
    ['９１３２０１１５ＭＡ１ＭＹ５Ｑ２ＸＷ', 'full-width'],
    [' 9132 0115 MA1M Y5Q2 XW ', 'spaces'],
  ])('normalises %s (%s)', (input) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, value: '91320115MA1MY5Q2XW' });
  });

  it.each([
    ['', '请输入统一社会信用代码'],
    ['91320115MA1MY5Q2X', '统一社会信用代码应为18位，当前为17位'],
    ['91320115MA1MI5Q2XW', '统一社会信用代码第13位“I”无效：只能使用数字和大写字母（不含I、O、Z、S、V）'],
    ['91320115MA1MY5Q2XS', '统一社会信用代码第18位“S”无效：只能使用数字和大写字母（不含I、O、Z、S、V）'],
    ['B1320115MA1MY5Q2XW', '统一社会信用代码第1位（登记管理部门代码）无效'],
    ['94320115MA1MY5Q2XW', '统一社会信用代码第2位（机构类别代码）无效：登记管理部门“工商”没有类别4'],
    ['Y2320115MA1MY5Q2XW', '统一社会信用代码第2位（机构类别代码）无效：登记管理部门“其他”没有类别2'],
    ['913A0115MA1MY5Q2XW', '统一社会信用代码第3-8位应为6位数字的行政区划代码'],
    [buildCode('91', '990115', 'MA1MY5Q2'), '统一社会信用代码第3-8位行政区划代码无效'],
    ['91320115MA1MY5Q27W', '统一社会信用代码第9-17位（组织机构代码）校验位错误'],
    ['91320115MA1MY5Q2XX', '统一社会信用代码校验位错误，请核对后重新输入'],
    ['91350203M0001QAY9B', '统一社会信用代码校验位错误，请核对后重新输入'],
  ])('refuses %s', (input, message) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, message });
  });

  it('accepts national registration authorities (division 100000)', () => {
    const code = buildCode('91', '100000', '10001043');
    expect(validateCreditCode(code).ok).toBe(true);
  });

  it('refuses an organization code whose own check is wrong even when the final check is recomputed', () => {
    const first17 = '91320115MA1MY5Q27';
    expect(validateCreditCode(first17 + creditCodeCheckCharacter(first17))).toEqual({
      ok: false,
      message: '统一社会信用代码第9-17位（组织机构代码）校验位错误',
    });
  });
});

const authorityAndType = fc.constantFrom(
  ...Object.entries(creditCodeAuthorities).flatMap(([authority, { types }]) =>
    Object.keys(types).map((type) => authority + type),
  ),
);
const division = fc.constantFrom('100000', '110105', '320115', '320100', '440300', '650000', '810000', '469001');
const organizationBody = fc.string({ unit: fc.constantFrom(...creditCodeAlphabet), minLength: 8, maxLength: 8 });
const validCode = fc.tuple(authorityAndType, division, organizationBody).map(([a, d, o]) => buildCode(a, d, o));

describe('validateCreditCode, properties', () => {
  it('accepts every code built by the rules', () => {
    fc.assert(fc.property(validCode, (code) => expect(validateCreditCode(code)).toEqual({ ok: true, value: code })));
  });

  it('refuses every single-character substitution of a valid code', () => {
    const substitutes = `${creditCodeAlphabet}IOZSV-中`;
    fc.assert(
      fc.property(validCode, (code) => {
        for (let i = 0; i < code.length; i++) {
          for (const char of substitutes) {
            if (char === code[i]) continue;
            const altered = code.slice(0, i) + char + code.slice(i + 1);
            expect([altered, validateCreditCode(altered).ok]).toEqual([altered, false]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
