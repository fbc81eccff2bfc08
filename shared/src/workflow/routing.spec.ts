import { describe, expect, it } from '@jest/globals';
import { defaultProvinceSettings, provinceSettingsPresets } from '../settings.js';
import { jurisdictionCodeAt, reviewStepName, reviewStepsFor, routingCountyCode } from './routing.js';

describe('routing', () => {
  it.each([
    ['320115', '320115', '320100', '320000'],
    ['110105', '110105', '110000', '110000'],
    ['500229', '500229', '500000', '500000'],
    ['429004', '429004', '429004', '420000'],
    ['659001', '659001', '659001', '650000'],
    ['441900', '441900', '441900', '440000'],
  ])('county %s is reviewed by district %s, city %s, province %s', (county, district, city, province) => {
    expect(jurisdictionCodeAt('district', county)).toBe(district);
    expect(jurisdictionCodeAt('city', county)).toBe(city);
    expect(jurisdictionCodeAt('province', county)).toBe(province);
  });

  it('resolves a chain to its steps', () => {
    expect(reviewStepsFor(defaultProvinceSettings.approvalChain, '320115')).toEqual([
      { level: 'district', jurisdictionCode: '320115' },
      { level: 'city', jurisdictionCode: '320100' },
    ]);
  });

  it('routes by the rule of the province', () => {
    const facts = { enterpriseDistrictCode: '320115', originCode: '320282', destinationCode: '310115' };
    expect(routingCountyCode(defaultProvinceSettings, facts)).toBe('320115');
    expect(routingCountyCode({ ...provinceSettingsPresets.sichuan, routing: 'origin' }, facts)).toBe('320282');
    expect(routingCountyCode({ routing: 'destination' }, facts)).toBe('310115');
  });

  it.each([
    ['district', '320115', '江苏省南京市江宁区审核'],
    ['city', '320100', '江苏省南京市审核'],
    ['province', '320000', '江苏省审核'],
    ['city', '110000', '北京市（地市）审核'],
    ['city', '429004', '湖北省仙桃市（地市）审核'],
  ] as const)('names the %s step of %s once, without doubling its level: %s', (level, code, name) => {
    expect(reviewStepName({ level, jurisdictionCode: code })).toBe(name);
    expect(name).not.toMatch(/(区|县|市)(区县|地市)/);
  });
});
