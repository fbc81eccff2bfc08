import { attachmentKindNames } from './attachments.js';
import { materialGroupNames } from './materials.js';
import type { ProvinceSettings } from './settings.js';
import { regionName } from './validation/region.js';
import { RoutingRule, reviewLevelNames } from './workflow/review-levels.js';

export const routingRuleNames: Record<RoutingRule, string> = {
  [RoutingRule.EnterpriseDistrict]: '企业所在区县受理',
  [RoutingRule.Origin]: '始发地区县受理',
  [RoutingRule.Destination]: '目的地区县受理',
};

export interface SettingsChange {
  /** What the rule is called on the settings screen. */
  label: string;
  before: string;
  after: string;
}

const yesNo = (value: boolean) => (value ? '是' : '否');

/** Each rule as the admin reads it, so a preview can list exactly what a change alters. */
const readable: { label: string; show: (s: ProvinceSettings) => string }[] = [
  { label: '省份', show: (s) => regionName(s.provinceCode) ?? s.provinceCode },
  { label: '最长有效天数', show: (s) => `${s.maxValidityDays}天` },
  { label: '办理时限', show: (s) => `${s.reviewDeadlineWorkingDays}个工作日` },
  { label: '审批层级', show: (s) => s.approvalChain.map((level) => reviewLevelNames[level]).join(' → ') },
  { label: '受理规则', show: (s) => routingRuleNames[s.routing] },
  { label: '新证自动注销同车旧证', show: (s) => yesNo(s.autoSupersede) },
  { label: '启用配额', show: (s) => yesNo(s.quota.enabled) },
  { label: '配额周期', show: (s) => (s.quota.period === 'week' ? '按周' : '按月') },
  {
    label: '企业有效通行证上限',
    show: (s) => (s.quota.maxActivePassesPerEnterprise === null ? '不限' : `${s.quota.maxActivePassesPerEnterprise}张`),
  },
  { label: '工作人员密码最短长度', show: (s) => `${s.security.passwordMinLength}位` },
  {
    label: '工作人员密码有效期',
    show: (s) => (s.security.passwordExpiryDays === null ? '不过期' : `${s.security.passwordExpiryDays}天`),
  },
  { label: '工作人员空闲超时', show: (s) => `${s.security.idleTimeoutMinutes}分钟` },
  {
    label: '必需材料',
    show: (s) => s.requiredAttachments.map((kind) => attachmentKindNames[kind]).join('、') || '无',
  },
  {
    label: '本省增设物资类别',
    show: (s) =>
      s.extraMaterialCategories.map((c) => `${c.name}（${materialGroupNames[c.group]}，${c.code}）`).join('、') || '无',
  },
];

/** The rules that differ between two versions, in the order of the settings screen. */
export function settingsChanges(before: ProvinceSettings, after: ProvinceSettings): SettingsChange[] {
  return readable
    .map(({ label, show }) => ({ label, before: show(before), after: show(after) }))
    .filter((change) => change.before !== change.after);
}
