import { creditCodeAlphabet } from './validation/credit-code.js';
import { normalisePlate, parsePlate, plateProvinces } from './validation/plate.js';
import { invalid, type ValidationResult, valid } from './validation/result.js';
import { normaliseCode, toHalfWidth } from './validation/text.js';

/**
 * What someone typed in a list's search box, and what it is: the lists search one column per kind, each
 * from an index (a plate or an enterprise name by its beginning, the codes exactly), so the kind is
 * decided here, once, for the server and the app alike.
 */
export type SearchTerm =
  /** Normalised (苏A12345); `complete` when it is a whole plate, else the plates starting with it. */
  | { kind: 'plate'; text: string; complete: boolean }
  /** 证件编号, 12 digits. */
  | { kind: 'passNumber'; text: string }
  /** 统一社会信用代码, 18 characters, upper-case. */
  | { kind: 'creditCode'; text: string }
  /** The beginning of an enterprise's (or, in a fleet's crew list, a person's) name. */
  | { kind: 'name'; text: string };

/** The shortest name searched: one character would match too much to be of use. */
export const minSearchNameLength = 2;

const plateLike = /^[A-Z][0-9A-Z]{0,6}[挂学警港澳]?$/;

/**
 * Decides what a search text is: 12 digits a pass number; 18 code characters a credit code; a province
 * abbreviation and a letter (苏A, 苏A1, 苏A12345) a plate, whole or its beginning; anything else with at
 * least two characters the beginning of a name. Digits or codes of another length are refused with a
 * message saying what is expected, rather than matched by a part of a code.
 */
export function classifySearch(input: string): ValidationResult<SearchTerm> {
  const text = toHalfWidth(input).replace(/\s+/g, ' ').trim();
  const code = normaliseCode(text);
  if (code === '') return invalid('请输入搜索内容');
  if (/^\d+$/.test(code)) {
    return code.length === 12 ? valid({ kind: 'passNumber', text: code }) : invalid('通行证编号应为12位数字');
  }
  const plate = normalisePlate(text);
  if (plateProvinces.includes(plate[0]!) && plateLike.test(plate.slice(1))) {
    return valid({ kind: 'plate', text: plate, complete: parsePlate(plate).ok });
  }
  if (/^[0-9A-Z]+$/.test(code)) {
    const isCreditCode = code.length === 18 && [...code].every((c) => creditCodeAlphabet.includes(c));
    return isCreditCode ? valid({ kind: 'creditCode', text: code }) : invalid('统一社会信用代码应为18位数字或大写字母');
  }
  if ([...text].length < minSearchNameLength) return invalid(`名称请至少输入${minSearchNameLength}个字`);
  return valid({ kind: 'name', text });
}
