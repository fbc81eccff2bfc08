import { Role } from '../roles.js';
import type { StaffSecurity } from '../settings.js';
import { ReviewLevel } from '../workflow/review-levels.js';
import { z } from '../zod.js';
import { applicationFieldsSchema } from './application.js';
import { contactPhoneSchema, personNameField, phoneSchema, regionCodeSchema, textField, uuidField } from './fields.js';
import { enterpriseRegistrationSchema } from './registry.js';

/** Set when an account is created; sign-in takes any string so old passwords keep working. */
export const newPasswordSchema = z
  .string('请设置密码')
  .min(8, '密码至少8位')
  .max(64, '密码最多64位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码应同时包含字母和数字')
  .meta({ title: '密码' });

/** Why a staff password breaks the province's rule (the shared minimum above always applies too). */
export function staffPasswordProblem(password: string, security: StaffSecurity): string | undefined {
  if (password.length < security.passwordMinLength) return `密码至少${security.passwordMinLength}位`;
  return undefined;
}

/** A fleet manager signs up together with the enterprise it acts for; an official verifies both. */
export const fleetManagerRegistrationSchema = z.object({
  enterprise: enterpriseRegistrationSchema,
  manager: z.object({ name: personNameField('管理员姓名'), phone: phoneSchema, password: newPasswordSchema }),
});

export type FleetManagerRegistration = z.output<typeof fleetManagerRegistrationSchema>;

const staffBase = { name: personNameField(), phone: phoneSchema, password: newPasswordSchema };

/** Staff accounts are created by an admin, each with the scope its role needs. */
export const staffAccountSchema = z.discriminatedUnion(
  'role',
  [
    z.object({
      role: z.literal(Role.Official),
      ...staffBase,
      jurisdictionCode: regionCodeSchema,
      department: textField('所属部门', 2, 50),
      reviewLevel: z.enum(ReviewLevel, '请选择审核层级'),
    }),
    z.object({ role: z.literal(Role.CheckpointStaff), ...staffBase, checkpointId: uuidField('卡口') }),
    z.object({ role: z.literal(Role.Admin), ...staffBase }),
  ],
  '请选择账号角色',
);

export type StaffAccountRequest = z.output<typeof staffAccountSchema>;

export const refreshTokenSchema = z.object({
  refreshToken: z.string('缺少登录凭证').min(20, '登录凭证无效').max(200, '登录凭证无效'),
});

/** Binds the WeChat user of `code` to the account the phone and password prove. */
export const wechatBindSchema = z.object({
  code: z.string('缺少微信登录凭证').trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证无效'),
  phone: phoneSchema,
  password: z.string('请输入密码').min(1, '请输入密码').max(128, '密码最多128位'),
});

/** The parts of an enterprise its fleet manager may change; name and credit code are fixed at verification. */
export const enterpriseUpdateSchema = z
  .object({
    address: textField('企业地址', 5, 200),
    contactName: personNameField('联系人姓名'),
    contactPhone: contactPhoneSchema,
  })
  .partial();

/** 白名单 import: a CSV with the columns 统一社会信用代码,企业名称[,操作] where 操作 is 加入 (default) or 移出. */
export const whitelistImportSchema = z.object({
  batch: textField('批次名称', 2, 50),
  csv: z.string('请上传名单').min(1, '名单为空').max(2_000_000, '名单过大，请分批导入'),
});

/** `GET /api/admin/whitelist`: entries in force, by batch and by a part of the name or credit code. */
export const whitelistEntryViewSchema = z
  .strictObject({
    creditCode: z.string(),
    enterpriseName: z.string(),
    batch: z.string(),
    updatedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'WhitelistEntryView' });
export type WhitelistEntryView = z.infer<typeof whitelistEntryViewSchema>;

/** A draft may be saved with any subset of the fields; the whole rule set applies on submission. */
export const applicationDraftSchema = applicationFieldsSchema.partial();

export type ApplicationDraft = z.output<typeof applicationDraftSchema>;

/** What an admin may change on a staff account; the role is fixed, fields of other roles are ignored. */
export const staffAccountUpdateSchema = z
  .object({
    name: personNameField(),
    phone: phoneSchema,
    jurisdictionCode: regionCodeSchema,
    department: textField('所属部门', 2, 50),
    reviewLevel: z.enum(ReviewLevel, '请选择审核层级'),
    checkpointId: uuidField('卡口'),
  })
  .partial();

export type StaffAccountUpdate = z.output<typeof staffAccountUpdateSchema>;

/** A temporary password set by an admin; its holder must choose a new one at the next sign-in. */
export const passwordResetSchema = z.object({ password: newPasswordSchema });

export const passwordChangeSchema = z.object({
  currentPassword: z.string('请输入原密码').min(1, '请输入原密码').max(128, '密码最多128位'),
  newPassword: newPasswordSchema,
});

export type PasswordChange = z.output<typeof passwordChangeSchema>;
