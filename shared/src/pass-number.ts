import { isKnownProvincePrefix, isMainlandRegionCode } from './validation/region.js';
import { invalid, type ValidationResult, valid } from './validation/result.js';
import { toHalfWidth } from './validation/text.js';

/**
 * 证件编号 of the national template: the issuing authority's 6-digit division code followed by a
 * 6-digit serial within that code, from 000001. Unique forever, so parsing does not require the code
 * to exist today (divisions are renamed and merged; their passes stay readable).
 */
export const maxPassSerial = 999_999;

export interface PassNumberParts {
  divisionCode: string;
  serial: number;
}

/** For issuing: the division must exist now and the serial be in range. */
export function formatPassNumber(divisionCode: string, serial: number): string {
  if (!isMainlandRegionCode(divisionCode)) throw new RangeError(`Unknown division code ${divisionCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > maxPassSerial) {
    throw new RangeError(`Pass serial ${serial} is outside 1..${maxPassSerial}`);
  }
  return `${divisionCode}${String(serial).padStart(6, '0')}`;
}

export function validatePassNumber(input: string): ValidationResult {
  const number = toHalfWidth(input).replace(/\s+/g, '');
  if (number === '') return invalid('请输入通行证编号');
  if (!/^\d{12}$/.test(number)) return invalid('通行证编号应为12位数字');
  if (!isKnownProvincePrefix(number.slice(0, 2))) return invalid('通行证编号前6位不是有效的行政区划代码');
  if (number.slice(6) === '000000') return invalid('通行证编号后6位序号应从000001开始');
  return valid(number);
}

export function parsePassNumber(input: string): ValidationResult<PassNumberParts> {
  const result = validatePassNumber(input);
  if (!result.ok) return result;
  return valid({ divisionCode: result.value.slice(0, 6), serial: Number(result.value.slice(6)) });
}
