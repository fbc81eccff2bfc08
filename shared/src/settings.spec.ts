import { describe, expect, it } from '@jest/globals';
import { ErrorCode, errorHttpStatus, errorMessages } from './error-codes.js';
import { findMaterialCategory, nationalMaterialCategories } from './materials.js';
import { ScanResult, scanResultAdvice, scanResultAllowsPassage } from './scan.js';
import {
  defaultProvinceSettings,
  materialCategoriesOf,
  provinceSettingsPresets,
  provinceSettingsSchema,
} from './settings.js';

describe('material categories', () => {
  it('has the national list: 4 livelihood, 4 production, 1 foreign trade, with unique codes', () => {
    const count = (group: string) => nationalMaterialCategories.filter((c) => c.group === group).length;
    expect([count('livelihood'), count('production'), count('foreign_trade')]).toEqual([4, 4, 1]);
    expect(new Set(nationalMaterialCategories.map((c) => c.code)).size).toBe(9);
  });

  it('extends per province', () => {
    const settings = {
      ...defaultProvinceSettings,
      extraMaterialCategories: [{ code: 'urban_water_supply', name: '城市供水', group: 'livelihood' as const }],
    };
    expect(materialCategoriesOf(settings)).toHaveLength(10);
    expect(findMaterialCategory('urban_water_supply', settings.extraMaterialCategories)?.name).toBe('城市供水');
    expect(findMaterialCategory('urban_water_supply')).toBeUndefined();
  });
});

describe('province settings', () => {
  it('accepts every preset, with the documented maximum validity', () => {
    for (const preset of Object.values(provinceSettingsPresets))
      expect(provinceSettingsSchema.safeParse(preset).success).toBe(true);
    expect(Object.values(provinceSettingsPresets).map((p) => [p.provinceCode, p.maxValidityDays])).toEqual([
      ['320000', 10],
      ['520000', 15],
      ['330000', 30],
      ['510000', 31],
      ['350000', 31],
    ]);
    expect(defaultProvinceSettings.approvalChain).toEqual(['district', 'city']);
  });

  it.each([
    [{ approvalChain: ['city', 'district'] }, 'approvalChain', '审批层级应由低到高排列且不能重复（区县、地市、省级）'],
    [
      { approvalChain: ['district', 'district'] },
      'approvalChain',
      '审批层级应由低到高排列且不能重复（区县、地市、省级）',
    ],
    [{ approvalChain: [] }, 'approvalChain', '至少设置一级审批'],
    [{ provinceCode: '320100' }, 'provinceCode', '请选择省、自治区或直辖市'],
    [{ maxValidityDays: 0 }, 'maxValidityDays', '最长有效天数至少1天'],
    [
      { extraMaterialCategories: [{ code: 'energy', name: '能源', group: 'production' }] },
      'extraMaterialCategories.0.code',
      '物资类别代码重复',
    ],
    [
      { extraMaterialCategories: [{ code: 'Water', name: '城市供水', group: 'livelihood' }] },
      'extraMaterialCategories.0.code',
      '类别代码应为小写字母、数字和下划线，以字母开头',
    ],
    [{ requiredAttachments: ['commitment_letter', 'commitment_letter'] }, 'requiredAttachments', '必需材料不能重复'],
    [
      { extraMaterialCategories: [{ code: 'water', name: '城市\u200b供水', group: 'livelihood' }] },
      'extraMaterialCategories.0.name',
      '类别名称含有不可见字符或文字方向控制字符（U+200B），请删除后重新输入',
    ],
  ])('refuses %j', (change, path, message) => {
    const result = provinceSettingsSchema.safeParse({ ...defaultProvinceSettings, ...change });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
  });
});

describe('error codes and scan results', () => {
  it('gives every error code an HTTP status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect([code, errorHttpStatus[code] >= 400 && errorHttpStatus[code] < 600]).toEqual([code, true]);
      expect(errorMessages[code]).toBeTruthy();
    }
  });

  it('lets only a valid pass through, and says what to do for every result', () => {
    expect(Object.values(ScanResult).filter(scanResultAllowsPassage)).toEqual(['valid']);
    for (const result of Object.values(ScanResult)) expect(scanResultAdvice[result]).toMatch(/。$/);
  });
});
