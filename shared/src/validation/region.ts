import { areaList } from '@vant/area-data';
import { missingDivisions, notDivisions } from './gb2260-corrections.js';
import { invalid, type ValidationResult, valid } from './result.js';
import { toHalfWidth } from './text.js';

/**
 * Administrative divisions (GB/T 2260), from @vant/area-data, which follows the statistical division
 * codes of the National Bureau of Statistics. Quirks of that data, and how they are handled:
 *
 * - Municipalities (北京, 天津, 上海, 重庆): GB/T 2260 files their districts under a 市辖区 city code
 *   (110100) and Chongqing's counties under 县 (500200). These are groupings, not governments, so they
 *   are left out of full names and parents; the city-level authority of a municipality is the
 *   municipality itself (110000).
 * - 省直辖县级行政区划 (419000, 429000, 469000, 659000): likewise a grouping; 湖北省仙桃市 has the
 *   province as its parent.
 * - 不设区的地级市 (东莞, 中山, 儋州, 嘉峪关): GB/T 2260 gives them no county-level codes; the data
 *   invents codes for their towns (441901 中堂镇). Those are not division codes, so they are dropped and
 *   the city code itself serves as the county-level code (a route may end in 441900 东莞市).
 * - Development zones and new areas with statistical codes (320571 苏州工业园区, 320590 工业园区, 320112
 *   江北新区) are not divisions: GB/T 2260 files their ground under real districts. They, and divisions
 *   abolished since the data was made, are dropped by the list in `gb2260-corrections.ts`, which also
 *   adds divisions the data lacks: the list offered is exactly the standard's.
 * - 台湾, 香港, 澳门 are known (their codes appear in ID numbers) but are not offered for routes.
 */
export const RegionLevel = {
  Province: 'province',
  City: 'city',
  County: 'county',
} as const;

export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
}

const municipalityPrefixes = new Set(['11', '12', '31', '50']);
const outsideMainlandPrefixes = new Set(['71', '81', '82']);
const citiesWithoutCounties = new Set(['441900', '442000', '460400', '620200']);

const provinceCodeOf = (code: string) => `${code.slice(0, 2)}0000`;
const cityCodeOf = (code: string) => `${code.slice(0, 4)}00`;

interface RegionIndex {
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  countyLevel: Set<string>;
  provinces: Region[];
}

let index: RegionIndex | undefined;

/** Built on first use so that importing the barrel costs nothing where regions are not needed. */
function regionIndex(): RegionIndex {
  if (index) return index;
  const byCode = new Map<string, Region>();
  const children = new Map<string, Region[]>();
  const countyLevel = new Set<string>();
  const addChild = (parent: string, region: Region) => {
    const list = children.get(parent) ?? [];
    list.push(region);
    children.set(parent, list);
  };
  for (const [code, name] of Object.entries(areaList.province_list)) {
    byCode.set(code, { code, name, level: RegionLevel.Province });
  }
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const region: Region = { code, name, level: RegionLevel.City };
    byCode.set(code, region);
    addChild(provinceCodeOf(code), region);
    if (citiesWithoutCounties.has(code)) {
      countyLevel.add(code);
      addChild(code, { code, name, level: RegionLevel.County });
    }
  }
  const dropped = new Set(notDivisions);
  const counties = { ...areaList.county_list, ...missingDivisions };
  for (const [code, name] of Object.entries(counties)) {
    if (citiesWithoutCounties.has(cityCodeOf(code)) || dropped.has(code)) continue;
    const region: Region = { code, name, level: RegionLevel.County };
    byCode.set(code, region);
    addChild(cityCodeOf(code), region);
    if (isMainlandPrefix(code.slice(0, 2))) countyLevel.add(code);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const provinces = [...byCode.values()]
    .filter((r) => r.level === RegionLevel.Province && isMainlandPrefix(r.code.slice(0, 2)))
    .sort((a, b) => a.code.localeCompare(b.code));
  index = { byCode, children, countyLevel, provinces };
  return index;
}

function isMainlandPrefix(prefix: string): boolean {
  return !outsideMainlandPrefixes.has(prefix) && `${prefix}0000` in areaList.province_list;
}

/** True for the two-digit prefix of any province-level division, 台湾/香港/澳门 included. */
export function isKnownProvincePrefix(prefix: string): boolean {
  return /^\d{2}$/.test(prefix) && `${prefix}0000` in areaList.province_list;
}

export function isMunicipality(code: string): boolean {
  return municipalityPrefixes.has(code.slice(0, 2));
}

/** A city-level code that only groups counties (市辖区, 县, 省直辖县级行政区划) and has no government. */
export function isGroupingCity(code: string): boolean {
  const region = findRegion(code);
  return region?.level === RegionLevel.City && (isMunicipality(code) || code.slice(2, 4) === '90');
}

export function findRegion(code: string): Region | undefined {
  return regionIndex().byCode.get(code);
}

export function regionName(code: string): string | undefined {
  return findRegion(code)?.name;
}

/** The mainland provinces, autonomous regions and municipalities, in code order: a picker's first column. */
export function provinces(): Region[] {
  return [...regionIndex().provinces];
}

/**
 * Cities of a province, or county-level divisions of a city: the next column of a picker. Grouping
 * cities are listed (pickers need three columns); a city without counties lists itself as its county.
 */
export function childRegions(code: string): Region[] {
  return [...(regionIndex().children.get(code) ?? [])];
}

/** The administrative parent, skipping grouping cities: 429004 仙桃市 → 420000 湖北省. */
export function parentRegion(code: string): Region | undefined {
  const region = findRegion(code);
  if (!region || region.level === RegionLevel.Province) return undefined;
  if (region.level === RegionLevel.City) return findRegion(provinceCodeOf(code));
  const city = cityCodeOf(code);
  return isGroupingCity(city) ? findRegion(provinceCodeOf(code)) : findRegion(city);
}

/** Every level from the province down to the code itself, grouping cities included, as pickers expect. */
export function regionPath(code: string): Region[] {
  const region = findRegion(code);
  if (!region) return [];
  if (region.level === RegionLevel.Province) return [region];
  const province = findRegion(provinceCodeOf(code));
  const city = region.level === RegionLevel.County ? findRegion(cityCodeOf(code)) : undefined;
  return [province, city, region].filter((r): r is Region => r !== undefined);
}

/** 江苏省南京市江宁区, 北京市朝阳区, 湖北省仙桃市, 广东省东莞市. */
export function regionFullName(code: string): string | undefined {
  const path = regionPath(code);
  if (path.length === 0) return undefined;
  return path
    .filter((r) => !(r.level === RegionLevel.City && isGroupingCity(r.code)))
    .map((r) => r.name)
    .join('');
}

/** A mainland code an origin, destination or waypoint may use: a district, county, county-level city. */
export function isCountyLevelCode(code: string): boolean {
  return regionIndex().countyLevel.has(code);
}

/** Any mainland division at any level, e.g. the issuing authority's code in a pass number. */
export function isMainlandRegionCode(code: string): boolean {
  return findRegion(code) !== undefined && isMainlandPrefix(code.slice(0, 2));
}

/**
 * Whether an authority for `jurisdiction` is responsible for `code`: a province covers its cities and
 * counties, a city its counties, a county itself.
 */
export function jurisdictionCovers(jurisdiction: string, code: string): boolean {
  if (jurisdiction === code) return true;
  if (jurisdiction.endsWith('0000')) return code.startsWith(jurisdiction.slice(0, 2));
  if (jurisdiction.endsWith('00')) return code.startsWith(jurisdiction.slice(0, 4));
  return false;
}

/**
 * Every known division a city or county jurisdiction covers, itself included (a county: itself; a
 * city: itself and its counties), in code order. Lists scoped to a city read one index range per code
 * instead of a `LIKE` over the table.
 */
export function coveredRegionCodes(jurisdiction: string): string[] {
  const codes = new Set([jurisdiction]);
  if (jurisdiction.endsWith('00') && !jurisdiction.endsWith('0000')) {
    for (const code of regionIndex().byCode.keys()) if (jurisdictionCovers(jurisdiction, code)) codes.add(code);
  }
  return [...codes].sort();
}

export function validateCountyCode(input: string): ValidationResult {
  const code = toHalfWidth(input).trim();
  if (code === '') return invalid('请选择区县');
  if (!/^\d{6}$/.test(code)) return invalid('行政区划代码应为6位数字');
  if (isCountyLevelCode(code)) return valid(code);
  if (isMainlandRegionCode(code)) return invalid('请选择到区县一级');
  if (findRegion(code)) return invalid('仅支持内地（大陆）的行政区划');
  return invalid('行政区划代码不存在');
}

export function validateRegionCode(input: string): ValidationResult {
  const code = toHalfWidth(input).trim();
  if (!/^\d{6}$/.test(code)) return invalid('行政区划代码应为6位数字');
  return isMainlandRegionCode(code) ? valid(code) : invalid('行政区划代码不存在');
}
