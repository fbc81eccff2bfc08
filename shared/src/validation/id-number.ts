import { chinaToday, isRealDate } from '../dates.js';
import { isKnownProvincePrefix } from './region.js';
import { invalid, type ValidationResult, valid } from './result.js';
import { normaliseCode } from './text.js';

/** ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11, and the character each remainder maps to. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** 83 is not a province: it prefixes the numbers on 台湾居民居住证, which follow GB 11643. */
const residencePermitPrefixes = new Set(['81', '82', '83']);

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

export interface IdNumberOptions {
  /** `YYYY-MM-DD`; defaults to today in China. Birth dates after it are refused. */
  today?: string;
}

/**
 * 公民身份号码 (GB 11643-1999), 18 characters. Only the two-digit province prefix is checked against
 * the division data: the six-digit code is the county of first registration, and counties abolished
 * since then still appear in valid numbers.
 */
export function validateIdNumber(input: string, options: IdNumberOptions = {}): ValidationResult {
  const id = normaliseCode(input);
  if (id === '') return invalid('请输入身份证号码');
  if (id.length !== 18) return invalid(`身份证号码应为18位，当前为${id.length}位`);
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('身份证号码前17位应为数字，最后一位为数字或X');
  const prefix = id.slice(0, 2);
  if (!isKnownProvincePrefix(prefix) && !residencePermitPrefixes.has(prefix)) {
    return invalid('身份证号码前两位地区码无效');
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isRealDate(year, month, day)) return invalid('身份证号码中的出生日期无效');
  if (year < 1900) return invalid('身份证号码中的出生日期不能早于1900年');
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate > (options.today ?? chinaToday())) return invalid('身份证号码中的出生日期不能晚于今天');
  if (idNumberCheckCharacter(id) !== id[17]) return invalid('身份证号码校验位错误，请核对后重新输入');
  return valid(id);
}

export interface IdNumberInfo {
  /** Six-digit division code of first registration; may no longer exist. */
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** Reads the facts an already valid number encodes. */
export function idNumberInfo(validId: string): IdNumberInfo {
  return {
    regionCode: validId.slice(0, 6),
    birthDate: `${validId.slice(6, 10)}-${validId.slice(10, 12)}-${validId.slice(12, 14)}`,
    sex: Number(validId[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** 320115********123X: enough for a person to recognise their own number, too little to misuse it. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(14)}` : id;
}
