import { isKnownProvincePrefix } from './region.js';
import { invalid, type ValidationResult, valid } from './result.js';
import { normaliseCode } from './text.js';

/** GB 32100-2015 code characters: digits and capitals without I, O, Z, S, V; the index is the value. */
export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const checkWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const organizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * 登记管理部门代码 (1st character) with the 机构类别代码 (2nd character) each may use, as the standard
 * and its published amendments list them. Positions 3-8 may also read 100000 for the national
 * registration authorities (e.g. 中央 state-owned enterprises registered with the national SAMR).
 */
export const creditCodeAuthorities: Readonly<
  Record<string, { name: string; types: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', types: { '1': '不再具体划分机构类别' } },
};

/** The 18th character for the first 17 (mod 31, weights 3^i mod 31). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditCodeAlphabet.indexOf(first17[i]!) * checkWeights[i]!;
  return creditCodeAlphabet[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character of an organization code's first 8 characters (A=10 … Z=35, mod 11). */
export function organizationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = first8[i]!;
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    sum += value * organizationCodeWeights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** 统一社会信用代码 (GB 32100-2015). Accepts lower-case, full-width and spaced input; returns it canonical. */
export function validateCreditCode(input: string): ValidationResult {
  const code = normaliseCode(input);
  if (code === '') return invalid('请输入统一社会信用代码');
  if (code.length !== 18) return invalid(`统一社会信用代码应为18位，当前为${code.length}位`);
  for (let i = 0; i < 18; i++) {
    if (!creditCodeAlphabet.includes(code[i]!)) {
      return invalid(`统一社会信用代码第${i + 1}位“${code[i]}”无效：只能使用数字和大写字母（不含I、O、Z、S、V）`);
    }
  }
  const authority = creditCodeAuthorities[code[0]!];
  if (!authority) return invalid('统一社会信用代码第1位（登记管理部门代码）无效');
  if (!authority.types[code[1]!]) {
    return invalid(`统一社会信用代码第2位（机构类别代码）无效：登记管理部门“${authority.name}”没有类别${code[1]}`);
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) return invalid('统一社会信用代码第3-8位应为6位数字的行政区划代码');
  if (division !== '100000' && !isKnownProvincePrefix(division.slice(0, 2))) {
    return invalid('统一社会信用代码第3-8位行政区划代码无效');
  }
  if (organizationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) {
    return invalid('统一社会信用代码第9-17位（组织机构代码）校验位错误');
  }
  if (creditCodeCheckCharacter(code) !== code[17]) return invalid('统一社会信用代码校验位错误，请核对后重新输入');
  return valid(code);
}
