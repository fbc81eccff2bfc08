import { isCalendarDate } from '../dates.js';
import { validatePassNumber } from '../pass-number.js';
import { validateCreditCode } from '../validation/credit-code.js';
import { validateIdNumber } from '../validation/id-number.js';
import { validateContactPhone, validatePhone } from '../validation/phone.js';
import { PlateColour, validatePlate } from '../validation/plate.js';
import { validateCountyCode, validateRegionCode } from '../validation/region.js';
import type { ValidationResult } from '../validation/result.js';
import { findUnsafeCharacter, unsafeCharacterMessage } from '../validation/safe-text.js';
import { validateTransportLicenseNumber } from '../validation/transport-license.js';
import { validateVin } from '../validation/vin.js';
import { z } from '../zod.js';

/** `请填写…` when absent, `…应为文本` when of the wrong type. */
const stringError = (label: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `请填写${label}` : `${label}应为文本`),
});

/**
 * A string checked by one of the validators and parsed to its normalised value. The JSON Schema of
 * the input side is a plain string with the title and example given here.
 */
export function validatedString(label: string, validate: (input: string) => ValidationResult<string>, example: string) {
  return z
    .string(stringError(label))
    .meta({ title: label, examples: [example] })
    .transform((value, ctx) => {
      const result = validate(value);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, input: value });
      return z.NEVER;
    });
}

/**
 * Trimmed free text of bounded length, without invisible or bidi-control characters (see
 * safe-text.ts). Line breaks and tabs are allowed only in multi-line text, by default the long texts
 * (reasons and comments of 500 characters); names and addresses stay on one line.
 */
export function textField(label: string, min: number, max: number, options: { multiline?: boolean } = {}) {
  const multiline = options.multiline ?? max >= 500;
  return z
    .string(stringError(label))
    .trim()
    .min(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`)
    .max(max, `${label}最多${max}个字`)
    .superRefine((text, ctx) => {
      const unsafe = findUnsafeCharacter(text, { multiline });
      if (unsafe) ctx.addIssue({ code: 'custom', message: unsafeCharacterMessage(label, unsafe), input: text });
    })
    .meta({ title: label });
}

/** An id picked from a list: `请选择…` when nothing was picked, `…无效` when the id is not one. */
export const uuidField = (label: string) =>
  z
    .uuid({
      error: (issue: { input?: unknown }) =>
        issue.input === undefined || issue.input === '' ? `请选择${label}` : `${label}无效`,
    })
    .meta({ title: label });

export const calendarDateField = (label: string) =>
  z
    .string(stringError(label))
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`)
    .refine(isCalendarDate, `${label}不是有效的日期`)
    .meta({ title: label, format: 'date', examples: ['2022-05-20'] });

/**
 * Chinese names (rare characters of the supplementary planes included), names with the interpunct of
 * minority names (买买提·艾力), and Latin names. Spelled without `\p{…}`, which older mini-program
 * JavaScript engines cannot parse.
 */
const hanOrLatin = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaffA-Za-z]|[\\ud840-\\ud87f][\\udc00-\\udfff]';
const personNamePattern = new RegExp(`^(?:${hanOrLatin})(?:${hanOrLatin}|[·• ])*$`);

export const personNameField = (label = '姓名') =>
  textField(label, 2, 30).refine((name) => personNamePattern.test(name), `${label}只能包含汉字、字母和间隔号“·”`);

export const phoneSchema = validatedString('手机号码', validatePhone, '13800000001');
export const contactPhoneSchema = validatedString('联系电话', validateContactPhone, '025-84561234');
export const creditCodeSchema = validatedString('统一社会信用代码', validateCreditCode, '91320115MA1MY5Q2XW');
export const idNumberSchema = validatedString('身份证号码', (v) => validateIdNumber(v), '11010519491231002X');
export const vinSchema = validatedString('车辆识别代号', validateVin, 'LVSHCAMB1CE054249');
export const transportLicenseNumberSchema = validatedString(
  '道路运输证号',
  validateTransportLicenseNumber,
  '320115001234',
);
export const countyCodeSchema = validatedString('区县', validateCountyCode, '320115');
export const regionCodeSchema = validatedString('行政区划代码', validateRegionCode, '320100');
export const passNumberSchema = validatedString('通行证编号', validatePassNumber, '320115000001');
export const plateSchema = validatedString(
  '车牌号码',
  (input) => {
    const result = validatePlate(input);
    return result.ok ? { ok: true, value: result.value.plate } : result;
  },
  '苏A12345',
);
export const plateColourSchema = z.enum(PlateColour, '请选择车牌颜色').meta({ title: '车牌颜色' });
