import { AttachmentKind } from './attachments.js';
import {
  type MaterialCategory,
  MaterialGroup,
  materialCategoriesWith,
  materialCategoryCodePattern,
  nationalMaterialCategories,
} from './materials.js';
import { textField } from './schemas/fields.js';
import { findRegion, RegionLevel } from './validation/region.js';
import { QuotaPeriod, ReviewLevel, RoutingRule, reviewLevelRank } from './workflow/review-levels.js';
import { z } from './zod.js';

export const materialCategorySchema = z.object({
  code: z.string().regex(materialCategoryCodePattern, '类别代码应为小写字母、数字和下划线，以字母开头'),
  name: textField('类别名称', 2, 30),
  group: z.enum(MaterialGroup, '请选择物资大类'),
});

const provinceCodeSchema = z.string().refine((code) => findRegion(code)?.level === RegionLevel.Province, {
  message: '请选择省、自治区或直辖市',
});

/** 等保 2.0 level 3 for staff accounts (officials, checkpoint staff, admins); fleet managers are not staff. */
export const staffSecuritySchema = z.object({
  /** Letters and digits are always required; this is the least length. */
  passwordMinLength: z.int('密码最短长度应为整数').min(8, '密码最短不少于8位').max(32, '密码最短不超过32位'),
  /** A staff password older than this must be changed at the next sign-in; null: never expires. */
  passwordExpiryDays: z
    .int('密码有效期应为整数')
    .min(7, '密码有效期至少7天')
    .max(365, '密码有效期最多365天')
    .nullable(),
  /** A staff session unused this long ends (sign in again). */
  idleTimeoutMinutes: z.int('空闲超时应为整数').min(15, '空闲超时至少15分钟').max(1440, '空闲超时最多1440分钟'),
});

export type StaffSecurity = z.infer<typeof staffSecuritySchema>;

export const defaultStaffSecurity: StaffSecurity = {
  passwordMinLength: 8,
  passwordExpiryDays: 90,
  idleTimeoutMinutes: 30,
};

export const provinceSettingsSchema = z
  .object({
    provinceCode: provinceCodeSchema,
    /** Longest validity a pass may be issued for, both ends included. */
    maxValidityDays: z.int('最长有效天数应为整数').min(1, '最长有效天数至少1天').max(366, '最长有效天数不能超过366天'),
    extraMaterialCategories: z.array(materialCategorySchema).max(50, '本省增设的物资类别最多50个'),
    /** 办理时限: an application waiting longer is overdue and escalated. */
    reviewDeadlineWorkingDays: z
      .int('办理时限应为整数')
      .min(1, '办理时限至少1个工作日')
      .max(30, '办理时限不能超过30个工作日'),
    approvalChain: z
      .array(z.enum(ReviewLevel, '审批层级无效'))
      .min(1, '至少设置一级审批')
      .max(3, '审批层级最多3级')
      .refine(
        (chain) => chain.every((level, i) => i === 0 || reviewLevelRank[level] > reviewLevelRank[chain[i - 1]!]!),
        {
          message: '审批层级应由低到高排列且不能重复（区县、地市、省级）',
        },
      ),
    /** Sichuan's rule: issuing a pass cancels the vehicle's previous one instead of refusing the new one. */
    autoSupersede: z.boolean(),
    quota: z.object({
      enabled: z.boolean(),
      /** How often each jurisdiction's allocation is renewed. */
      period: z.enum(QuotaPeriod, '配额周期应为按周或按月'),
      /** Active passes one enterprise may hold at a time; null for no cap. */
      maxActivePassesPerEnterprise: z.int().min(1, '企业有效通行证上限至少为1').nullable(),
    }),
    routing: z.enum(RoutingRule, '受理规则无效'),
    requiredAttachments: z.array(z.enum(AttachmentKind, '材料类型无效')),
    /** Versions saved before this rule existed read as the defaults. */
    security: staffSecuritySchema.default(defaultStaffSecurity),
  })
  .superRefine((settings, ctx) => {
    const seen = new Set(nationalMaterialCategories.map((c) => c.code));
    settings.extraMaterialCategories.forEach((category, i) => {
      if (seen.has(category.code)) {
        ctx.addIssue({ code: 'custom', path: ['extraMaterialCategories', i, 'code'], message: '物资类别代码重复' });
      }
      seen.add(category.code);
    });
    if (new Set(settings.requiredAttachments).size !== settings.requiredAttachments.length) {
      ctx.addIssue({ code: 'custom', path: ['requiredAttachments'], message: '必需材料不能重复' });
    }
  });

export type ProvinceSettings = z.infer<typeof provinceSettingsSchema>;

/** Every category an application in this province may name. */
export function materialCategoriesOf(settings: Pick<ProvinceSettings, 'extraMaterialCategories'>): MaterialCategory[] {
  return materialCategoriesWith(settings.extraMaterialCategories);
}

const jiangsu: ProvinceSettings = {
  provinceCode: '320000',
  maxValidityDays: 10,
  extraMaterialCategories: [],
  // No published figure for Jiangsu; one working day is the strictest (Sichuan's), in the spirit of 即接即办.
  reviewDeadlineWorkingDays: 1,
  approvalChain: ['district', 'city'],
  autoSupersede: false,
  quota: { enabled: false, period: 'week', maxActivePassesPerEnterprise: null },
  routing: 'enterprise_district',
  requiredAttachments: ['driving_licence', 'vehicle_licence', 'commitment_letter'],
  security: defaultStaffSecurity,
};

/**
 * The 2022 rules of provinces DOMAIN.md documents. "One month" is taken as 31 days so that a
 * calendar month is never refused. Values not published are those of Jiangsu.
 */
export const provinceSettingsPresets = {
  jiangsu,
  guizhou: {
    ...jiangsu,
    provinceCode: '520000',
    maxValidityDays: 15,
    reviewDeadlineWorkingDays: 3,
    approvalChain: ['district'],
  },
  zhejiang: { ...jiangsu, provinceCode: '330000', maxValidityDays: 30, approvalChain: ['district'] },
  sichuan: {
    ...jiangsu,
    provinceCode: '510000',
    maxValidityDays: 31,
    reviewDeadlineWorkingDays: 1,
    approvalChain: ['district'],
    autoSupersede: true,
  },
  fujian: { ...jiangsu, provinceCode: '350000', maxValidityDays: 31, approvalChain: ['district'] },
} satisfies Record<string, ProvinceSettings>;

export const defaultProvinceSettings: ProvinceSettings = jiangsu;

/**
 * The settings as the server keeps them: one numbered version per change. `GET /api/settings` answers
 * with it; `PUT /api/admin/settings` takes the same document back, and a `version` that is no longer
 * the current one is refused, so two admins cannot overwrite each other unseen.
 */
export const provinceSettingsDocumentSchema = z.object({
  version: z.int('版本号应为整数').min(1, '版本号无效').optional(),
  settings: provinceSettingsSchema,
});

export type ProvinceSettingsUpdate = z.output<typeof provinceSettingsDocumentSchema>;

export interface ProvinceSettingsDocument {
  version: number;
  /** ISO 8601. */
  updatedAt: string;
  settings: ProvinceSettings;
}
