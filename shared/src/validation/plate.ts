import { invalid, type ValidationResult, valid } from './result.js';
import { normaliseCode } from './text.js';

/**
 * Motor vehicle plates (GA 36-2018). A plate reads: province abbreviation, the issuing authority's
 * letter, then a serial of 5 characters (ordinary) or 6 (new-energy), or 4 followed by a suffix.
 * I and O are never used (confused with 1 and 0).
 *
 * Which plates may stand on a pass: ordinary and new-energy plates, and 粤Z…港/澳 plates of
 * Hong Kong and Macau cross-border trucks. Refused, with a message saying why:
 * - 挂 (trailer): for an articulated truck only the tractor's plate is entered;
 * - 学 (driving-school vehicle) and 警 (police): they do not carry goods under a pass.
 * 使/领 (diplomatic), 应急 and military plates are not recognised as plates at all here.
 */
export const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

export const PlateColour = {
  Blue: 'blue',
  Yellow: 'yellow',
  /** 渐变绿: small new-energy vehicles. */
  Green: 'green',
  /** 黄绿双拼: large new-energy vehicles. */
  YellowGreen: 'yellow_green',
  White: 'white',
  Black: 'black',
} as const;

export type PlateColour = (typeof PlateColour)[keyof typeof PlateColour];

export const plateColourNames: Record<PlateColour, string> = {
  blue: '蓝色',
  yellow: '黄色',
  green: '渐变绿色',
  yellow_green: '黄绿双拼色',
  white: '白色',
  black: '黑色',
};

export const PlateKind = {
  Ordinary: 'ordinary',
  /** Serial starts with the energy letter (D, F; A-K): 小型新能源汽车. */
  NewEnergySmall: 'new_energy_small',
  /** Serial ends with the energy letter: 大型新能源汽车. */
  NewEnergyLarge: 'new_energy_large',
  Trailer: 'trailer',
  Coach: 'coach',
  Police: 'police',
  HongKongMacau: 'hong_kong_macau',
} as const;

export type PlateKind = (typeof PlateKind)[keyof typeof PlateKind];

const plateKindNames: Record<PlateKind, string> = {
  ordinary: '普通号牌',
  new_energy_small: '小型新能源汽车号牌',
  new_energy_large: '大型新能源汽车号牌',
  trailer: '挂车号牌',
  coach: '教练汽车号牌',
  police: '警用汽车号牌',
  hong_kong_macau: '港澳入出境车号牌',
};

/** Ordinary plates are blue (small) or yellow (large), black for the older foreign-owned plates. */
export const plateColoursByKind: Record<PlateKind, readonly PlateColour[]> = {
  ordinary: ['blue', 'yellow', 'black'],
  new_energy_small: ['green'],
  new_energy_large: ['yellow_green'],
  trailer: ['yellow'],
  coach: ['yellow'],
  police: ['white'],
  hong_kong_macau: ['black'],
};

export interface ParsedPlate {
  /** Canonical form: 苏A12345, no separator. */
  plate: string;
  kind: PlateKind;
}

const serialCharacter = '[0-9A-HJ-NP-Z]';
const energyLetter = '[A-HJK]';
const suffixKinds: Record<string, PlateKind> = {
  挂: 'trailer',
  学: 'coach',
  警: 'police',
  港: 'hong_kong_macau',
  澳: 'hong_kong_macau',
};

/** Removes what people type between the parts of a plate: spaces, middle dots, hyphens. */
export function normalisePlate(input: string): string {
  return normaliseCode(input).replace(/[·•・･.\-—_]/g, '');
}

/** Recognises any plate a truck may physically carry; use `validatePlate` for a pass's vehicle. */
export function parsePlate(input: string): ValidationResult<ParsedPlate> {
  const plate = normalisePlate(input);
  if (plate === '') return invalid('请输入车牌号码');
  if (!plateProvinces.includes(plate[0]!)) return invalid('车牌号码第1位应为省、自治区、直辖市简称，如苏、京');
  const authority = plate[1] ?? '';
  if (authority === 'I' || authority === 'O') return invalid('车牌号码第2位发牌机关代号不能使用字母I或O');
  if (!/^[A-Z]$/.test(authority)) return invalid('车牌号码第2位应为发牌机关代号（大写字母）');
  const serial = plate.slice(2);
  if (/[IO]/.test(serial)) return invalid('车牌号码不能含有字母I或O（易与数字1、0混淆）');

  const suffixKind = suffixKinds[serial.slice(-1)];
  if (suffixKind) {
    if (!new RegExp(`^${serialCharacter}{4}$`).test(serial.slice(0, -1))) {
      return invalid(`${plateKindNames[suffixKind]}应为省份简称、字母和4位序号加“${serial.slice(-1)}”`);
    }
    if (suffixKind === 'hong_kong_macau' && !plate.startsWith('粤Z')) return invalid('港澳入出境车号牌应以“粤Z”开头');
    return valid({ plate, kind: suffixKind });
  }
  if (serial.length === 5) {
    if (!new RegExp(`^${serialCharacter}{5}$`).test(serial)) return invalid('车牌号码序号只能包含数字和字母');
    return valid({ plate, kind: 'ordinary' });
  }
  if (serial.length === 6) {
    if (new RegExp(`^${energyLetter}${serialCharacter}\\d{4}$`).test(serial))
      return valid({ plate, kind: 'new_energy_small' });
    if (new RegExp(`^\\d{5}${energyLetter}$`).test(serial)) return valid({ plate, kind: 'new_energy_large' });
    return invalid('新能源汽车号牌序号的第1位或第6位应为字母D、F等（A-K），其余为数字');
  }
  return invalid(`车牌号码位数不正确：普通号牌7位，新能源号牌8位，当前为${plate.length}位`);
}

/** A plate that may be entered as a pass's vehicle (see the module comment for what is refused). */
export function validatePlate(input: string): ValidationResult<ParsedPlate> {
  const parsed = parsePlate(input);
  if (!parsed.ok) return parsed;
  switch (parsed.value.kind) {
    case 'trailer':
      return invalid('无需填写挂车号牌：半挂车等汽车列车只填写牵引车的车牌号码');
    case 'coach':
      return invalid('教练车不能申请重点物资运输通行证');
    case 'police':
      return invalid('警用车辆无需申请重点物资运输通行证');
    default:
      return parsed;
  }
}

/** Cross-check of plate and colour: 苏A12345D is a large new-energy plate, so it must be 黄绿双拼色. */
export function checkPlateColour(plate: ParsedPlate, colour: PlateColour): ValidationResult<PlateColour> {
  const allowed = plateColoursByKind[plate.kind];
  if (allowed.includes(colour)) return valid(colour);
  const names = allowed.map((c) => plateColourNames[c]).join('或');
  return invalid(`车牌颜色与号牌不符：${plateKindNames[plate.kind]}应为${names}`);
}

/** 苏A·12345 for display; the stored value never carries the dot. */
export function formatPlate(plate: string): string {
  return `${plate.slice(0, 2)}·${plate.slice(2)}`;
}
