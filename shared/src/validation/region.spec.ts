import { describe, expect, it } from '@jest/globals';
import {
  childRegions,
  coveredRegionCodes,
  findRegion,
  isCountyLevelCode,
  isGroupingCity,
  isKnownProvincePrefix,
  jurisdictionCovers,
  parentRegion,
  provinces,
  regionFullName,
  regionName,
  regionPath,
  validateCountyCode,
} from './region.js';

describe('regions (GB/T 2260)', () => {
  it('names codes at every level', () => {
    expect(findRegion('320000')).toEqual({ code: '320000', name: '江苏省', level: 'province' });
    expect(findRegion('320100')).toEqual({ code: '320100', name: '南京市', level: 'city' });
    expect(findRegion('320115')).toEqual({ code: '320115', name: '江宁区', level: 'county' });
    expect(regionName('999999')).toBeUndefined();
  });

  it.each([
    ['320115', '江苏省南京市江宁区'],
    ['320100', '江苏省南京市'],
    ['320000', '江苏省'],
    ['110105', '北京市朝阳区'],
    ['310115', '上海市浦东新区'],
    ['500229', '重庆市城口县'],
    ['429004', '湖北省仙桃市'],
    ['659001', '新疆维吾尔自治区石河子市'],
    ['441900', '广东省东莞市'],
    ['620200', '甘肃省嘉峪关市'],
  ])('spells %s in full as %s', (code, name) => {
    expect(regionFullName(code)).toBe(name);
  });

  it('gives administrative parents, skipping grouping cities', () => {
    expect(parentRegion('320115')?.code).toBe('320100');
    expect(parentRegion('320100')?.code).toBe('320000');
    expect(parentRegion('110105')?.code).toBe('110000');
    expect(parentRegion('500229')?.code).toBe('500000');
    expect(parentRegion('429004')?.code).toBe('420000');
    expect(parentRegion('320000')).toBeUndefined();
  });

  it('gives picker paths with grouping cities kept', () => {
    expect(regionPath('429004').map((r) => r.code)).toEqual(['420000', '429000', '429004']);
    expect(regionPath('110105').map((r) => r.code)).toEqual(['110000', '110100', '110105']);
  });

  it('recognises grouping cities', () => {
    expect(['110100', '500200', '429000', '659000'].every(isGroupingCity)).toBe(true);
    expect(['320100', '441900', '110000'].some(isGroupingCity)).toBe(false);
  });

  it('lists the 31 mainland provinces and the children of each level', () => {
    const all = provinces();
    expect(all).toHaveLength(31);
    expect(all.map((p) => p.code)).not.toContain('710000');
    expect(childRegions('320000').map((r) => r.name)).toContain('南京市');
    expect(childRegions('320100').map((r) => r.code)).toContain('320115');
    expect(childRegions('320100').every((r) => r.level === 'county')).toBe(true);
    expect(childRegions('320115')).toEqual([]);
  });

  it('offers a city without counties as its own county, not the towns the data invents', () => {
    expect(childRegions('441900')).toEqual([{ code: '441900', name: '东莞市', level: 'county' }]);
    expect(findRegion('441901')).toBeUndefined();
  });

  it('every county-level code offered by pickers is accepted as a route point', () => {
    for (const province of provinces()) {
      for (const city of childRegions(province.code)) {
        for (const county of childRegions(city.code))
          expect([county.code, isCountyLevelCode(county.code)]).toEqual([county.code, true]);
      }
    }
  });

  it.each([
    ['320115', true],
    ['320583', true],
    ['330113', true],
    ['320571', false],
    ['320590', false],
    ['320591', false],
    ['320112', false],
    ['320611', false],
    ['429004', true],
    ['441900', true],
    ['320100', false],
    ['320000', false],
    ['441901', false],
    ['620201', false],
    ['810101', false],
    ['710101', false],
  ])('county level: %s → %s', (code, expected) => {
    expect(isCountyLevelCode(code)).toBe(expected);
  });

  it.each([
    ['', '请选择区县'],
    ['32011', '行政区划代码应为6位数字'],
    ['320100', '请选择到区县一级'],
    ['810101', '仅支持内地（大陆）的行政区划'],
    ['320199', '行政区划代码不存在'],
  ])('validateCountyCode(%s) refuses: %s', (input, message) => {
    expect(validateCountyCode(input)).toEqual({ ok: false, message });
  });

  it('validateCountyCode accepts full-width digits', () => {
    expect(validateCountyCode('３２０１１５')).toEqual({ ok: true, value: '320115' });
  });

  it('knows province prefixes, 台湾/香港/澳门 included', () => {
    expect(['11', '32', '65', '71', '81', '82'].every(isKnownProvincePrefix)).toBe(true);
    expect(['00', '10', '66', '99', '3'].some(isKnownProvincePrefix)).toBe(false);
  });

  it('decides which jurisdiction covers a code', () => {
    expect(jurisdictionCovers('320000', '320115')).toBe(true);
    expect(jurisdictionCovers('320100', '320115')).toBe(true);
    expect(jurisdictionCovers('320115', '320115')).toBe(true);
    expect(jurisdictionCovers('320115', '320100')).toBe(false);
    expect(jurisdictionCovers('320200', '320115')).toBe(false);
    expect(jurisdictionCovers('330000', '320115')).toBe(false);
  });

  it('lists the codes a city or county jurisdiction covers, for lists that read one index range per code', () => {
    expect(coveredRegionCodes('320115')).toEqual(['320115']);
    const nanjing = coveredRegionCodes('320100');
    expect(nanjing).toContain('320100');
    expect(nanjing).toContain('320115');
    expect(nanjing.every((code) => code.startsWith('3201'))).toBe(true);
    expect(nanjing).toEqual([...nanjing].sort());
  });

  it('offers exactly the GB/T 2260 divisions of a city: 苏州 and 南京 without development zones', () => {
    expect(childRegions('320500').map((r) => `${r.code} ${r.name}`)).toEqual([
      '320505 虎丘区',
      '320506 吴中区',
      '320507 相城区',
      '320508 姑苏区',
      '320509 吴江区',
      '320581 常熟市',
      '320582 张家港市',
      '320583 昆山市',
      '320585 太仓市',
    ]);
    expect(childRegions('320100').map((r) => r.code)).not.toContain('320112');
    expect(validateCountyCode('320590')).toEqual({ ok: false, message: '行政区划代码不存在' });
  });
});
