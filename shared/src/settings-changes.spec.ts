import { describe, expect, it } from '@jest/globals';
import { provinceSettingsPresets } from './settings.js';
import { settingsChanges } from './settings-changes.js';

describe('settingsChanges', () => {
  it('lists nothing for equal settings', () => {
    expect(settingsChanges(provinceSettingsPresets.jiangsu, { ...provinceSettingsPresets.jiangsu })).toEqual([]);
  });

  it('names each changed rule with its old and new value as an admin reads them', () => {
    const after = {
      ...provinceSettingsPresets.jiangsu,
      maxValidityDays: 7,
      quota: { enabled: true, period: 'month' as const, maxActivePassesPerEnterprise: 20 },
      extraMaterialCategories: [{ code: 'water_supply', name: '城市供水', group: 'livelihood' as const }],
    };
    expect(settingsChanges(provinceSettingsPresets.jiangsu, after)).toEqual([
      { label: '最长有效天数', before: '10天', after: '7天' },
      { label: '启用配额', before: '否', after: '是' },
      { label: '配额周期', before: '按周', after: '按月' },
      { label: '企业有效通行证上限', before: '不限', after: '20张' },
      { label: '本省增设物资类别', before: '无', after: '城市供水（民生，water_supply）' },
    ]);
  });

  it('shows the approval chain and routing in words', () => {
    const changes = settingsChanges(provinceSettingsPresets.jiangsu, provinceSettingsPresets.sichuan);
    expect(changes).toEqual(
      expect.arrayContaining([
        { label: '省份', before: '江苏省', after: '四川省' },
        { label: '审批层级', before: '区县 → 地市', after: '区县' },
        { label: '新证自动注销同车旧证', before: '否', after: '是' },
      ]),
    );
  });
});
