import { describe, expect, it } from '@jest/globals';
import { personNameField, textField } from '../schemas/fields.js';
import { findUnsafeCharacter } from './safe-text.js';

describe('findUnsafeCharacter', () => {
  it.each([
    ['\u202E', 'U+202E'], // right-to-left override
    ['\u202A', 'U+202A'],
    ['\u2066', 'U+2066'], // isolates
    ['\u200F', 'U+200F'], // right-to-left mark
    ['\u061C', 'U+061C'],
    ['\u200B', 'U+200B'], // zero-width space
    ['\u200D', 'U+200D'], // zero-width joiner
    ['\u2060', 'U+2060'],
    ['\uFEFF', 'U+FEFF'],
    ['\u00AD', 'U+00AD'],
    ['\u0000', 'U+0000'],
    ['\u001B', 'U+001B'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u2028', 'U+2028'],
  ])('finds %j', (char, codePoint) => {
    expect(findUnsafeCharacter(`南京${char}物流`)).toBe(codePoint);
    expect(findUnsafeCharacter(`南京${char}物流`, { multiline: true })).toBe(codePoint);
  });

  it('allows line breaks and tabs only in multi-line text', () => {
    expect(findUnsafeCharacter('第一行\n第二行')).toBe('U+000A');
    expect(findUnsafeCharacter('第一行\r\n第二行\t', { multiline: true })).toBeUndefined();
  });

  it('accepts Chinese, rare characters, Latin, digits, punctuation and the interpunct', () => {
    for (const text of ['南京江宁示范物流有限公司', '𠀀𪚥', '买买提·艾力', 'ACME (China) Co., Ltd. #3', '＝（全角）']) {
      expect(findUnsafeCharacter(text)).toBeUndefined();
    }
  });
});

describe('text fields refuse invisible characters with a message naming them', () => {
  it('in names, addresses and reasons', () => {
    const name = textField('企业名称', 2, 100).safeParse('南京\u202Egpj.exe');
    expect(name.success).toBe(false);
    expect(name.error?.issues[0]?.message).toBe('企业名称含有不可见字符或文字方向控制字符（U+202E），请删除后重新输入');
    expect(personNameField().safeParse('王\u200B五').error?.issues[0]?.message).toBe(
      '姓名含有不可见字符或文字方向控制字符（U+200B），请删除后重新输入',
    );
    expect(textField('退回理由', 2, 500).safeParse('请补充\n行驶证').success).toBe(true);
    expect(textField('地址', 5, 200).safeParse('南京市\n江宁区').success).toBe(false);
  });
});
