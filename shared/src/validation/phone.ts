import { invalid, type ValidationResult, valid } from './result.js';
import { toHalfWidth } from './text.js';

/**
 * Mainland mobile numbers: 11 digits, 1 then 3-9. Country code, spaces and hyphens people paste
 * (+86 138-0000-0001) are removed; the value kept is the bare 11 digits.
 */
export function validatePhone(input: string): ValidationResult {
  let phone = toHalfWidth(input).replace(/[\s\-()]/g, '');
  if (phone === '') return invalid('请输入手机号码');
  phone = phone.replace(/^(\+86|0086)/, '');
  if (phone.length === 13 && phone.startsWith('86')) phone = phone.slice(2);
  if (!/^\d+$/.test(phone)) return invalid('手机号码只能包含数字');
  if (phone.length !== 11) return invalid(`手机号码应为11位，当前为${phone.length}位`);
  if (!/^1[3-9]/.test(phone)) return invalid('手机号码应以13-19开头，请输入中国大陆手机号码');
  return valid(phone);
}

/** 138****0001 for lists and checkpoints. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/**
 * A contact number of an enterprise (consignor, consignee): a mobile number, or a landline with its
 * area code (025-84561234, 0512 6788 1234, optional extension after a hyphen or 转).
 */
export function validateContactPhone(input: string): ValidationResult {
  const compact = toHalfWidth(input).replace(/[\s()]/g, '');
  if (compact === '') return invalid('请输入联系电话');
  if (/^0\d{2,3}-?\d{7,8}((-|转)\d{1,6})?$/.test(compact)) return valid(compact);
  const mobile = validatePhone(compact);
  return mobile.ok ? mobile : invalid('联系电话应为11位手机号码，或带区号的固定电话（如025-84561234）');
}
