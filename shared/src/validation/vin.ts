import { invalid, type ValidationResult, valid } from './result.js';
import { normaliseCode } from './text.js';

/**
 * 车辆识别代号 (ISO 3779; GB 16735 in China), 17 characters without I, O, Q. GB 16735 makes the 9th
 * character a check digit computed as in North America: letters transliterate to digits, a weighted
 * sum mod 11 gives 0-9 or X. Letters sharing a value (A, J; B, K, S; …) are indistinguishable to it.
 */
const transliteration: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The value a VIN character carries into the check digit. */
export function vinCharacterValue(char: string): number {
  return /\d/.test(char) ? Number(char) : (transliteration[char] ?? Number.NaN);
}

export function vinCheckCharacter(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) sum += vinCharacterValue(vin[i]!) * weights[i]!;
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function validateVin(input: string): ValidationResult {
  const vin = normaliseCode(input);
  if (vin === '') return invalid('请输入车辆识别代号（VIN）');
  if (vin.length !== 17) return invalid(`车辆识别代号（VIN）应为17位，当前为${vin.length}位`);
  if (/[IOQ]/.test(vin)) return invalid('车辆识别代号（VIN）不能含有字母I、O、Q');
  if (!/^[0-9A-Z]{17}$/.test(vin)) return invalid('车辆识别代号（VIN）只能包含数字和大写字母');
  if (vinCheckCharacter(vin) !== vin[8]) return invalid('车辆识别代号（VIN）第9位校验位错误，请核对行驶证');
  return valid(vin);
}
