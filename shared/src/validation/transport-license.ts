import { plateProvinces } from './plate.js';
import { isKnownProvincePrefix } from './region.js';
import { invalid, type ValidationResult, valid } from './result.js';
import { normaliseCode } from './text.js';

/**
 * 道路运输证号, the number of a goods vehicle's road transport certificate. A format check only: the
 * number cannot be verified offline, and forms differ by province and by year of issue.
 * - Current form (the IC-card and electronic certificates): 12 digits, the issuing transport
 *   authority's 6-digit division code followed by a 6-digit serial, e.g. 320115001234.
 * - Older paper forms carry the province abbreviation and the authority's word-mark before the digits,
 *   e.g. 苏交运管宁字320100012345号; accepted as: abbreviation, 1-8 Chinese characters ending in 字,
 *   6-12 digits, optional 号.
 * - A province abbreviation directly followed by the 12 digits (苏320115001234) is also accepted.
 */
export function validateTransportLicenseNumber(input: string): ValidationResult {
  const number = normaliseCode(input);
  if (number === '') return invalid('请输入道路运输证号');
  if (/^\d+$/.test(number)) {
    if (number.length !== 12) return invalid(`道路运输证号应为12位数字，当前为${number.length}位`);
    if (!isKnownProvincePrefix(number.slice(0, 2))) return invalid('道路运输证号前6位应为发证机关的行政区划代码');
    return valid(number);
  }
  if (!plateProvinces.includes(number[0]!)) {
    return invalid('道路运输证号格式不正确：应为12位数字，如320115001234');
  }
  if (/^.\d{12}$/.test(number) || /^.[\u4e00-\u9fa5]{0,7}字\d{6,12}号?$/.test(number)) return valid(number);
  return invalid('道路运输证号格式不正确：应为12位数字，或如“苏交运管宁字320100012345号”');
}
