import { BlacklistKind } from '../schemas/sanctions.js';
import { type ProvinceSettingsDocument, provinceSettingsSchema } from '../settings.js';
import { z } from '../zod.js';
import { sameType } from './same-type.js';
import { isoDate, isoInstant } from './views.js';

/** Response bodies of the admins' APIs (quotas, sanctions, audit log, whitelist, settings) and of scan uploads. */

const uuid = z.string().meta({ format: 'uuid' });

export const quotaViewSchema = z
  .strictObject({
    jurisdictionCode: z.string(),
    period: z.string(),
    amount: z.number(),
    used: z.number(),
    left: z.number(),
  })
  .meta({ id: 'QuotaView' });
export type QuotaView = z.infer<typeof quotaViewSchema>;

export const blacklistEntryViewSchema = z
  .strictObject({
    id: uuid,
    kind: z.enum(BlacklistKind),
    label: z.string(),
    reason: z.string(),
    until: isoDate.nullable(),
    createdAt: isoInstant,
  })
  .meta({ id: 'BlacklistEntryView' });
export type BlacklistEntryView = z.infer<typeof blacklistEntryViewSchema>;

export const suspensionViewSchema = z
  .strictObject({
    enterpriseId: uuid,
    enterpriseName: z.string(),
    creditCode: z.string(),
    until: isoDate,
    reason: z.string().nullable(),
  })
  .meta({ id: 'SuspensionView' });
export type SuspensionView = z.infer<typeof suspensionViewSchema>;

/** One line of the audit log; `before` and `after` are the changed record's fields, whatever they are. */
export const auditEntryViewSchema = z
  .strictObject({
    id: uuid,
    createdAt: isoInstant,
    updatedAt: isoInstant,
    actorId: z.string().nullable(),
    actorRole: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntryView' });
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const whitelistBatchSchema = z
  .strictObject({ batch: z.string(), count: z.number() })
  .meta({ id: 'WhitelistBatch' });
export type WhitelistBatch = z.infer<typeof whitelistBatchSchema>;

/** `POST /api/scans`: how many records were new and how many the server already had. */
export const scanUploadResultSchema = z
  .strictObject({ stored: z.number(), duplicates: z.number() })
  .meta({ id: 'ScanUploadResult' });
export type ScanUploadResult = z.infer<typeof scanUploadResultSchema>;

export const provinceSettingsDocumentViewSchema = z
  .strictObject({
    version: z.number(),
    updatedAt: isoInstant,
    settings: provinceSettingsSchema,
  })
  .meta({ id: 'ProvinceSettingsDocument' });
sameType<z.infer<typeof provinceSettingsDocumentViewSchema>, ProvinceSettingsDocument>(true);

/** An issuing department (核发单位) and its duty phone, as the admin screen lists them. */
export const issuingDepartmentViewSchema = z
  .strictObject({
    regionCode: z.string().meta({ description: '辖区行政区划代码' }),
    name: z.string(),
    dutyPhone: z.string().meta({ description: '值班电话' }),
    updatedAt: isoInstant,
  })
  .meta({ id: 'IssuingDepartmentView' });
export type IssuingDepartmentView = z.infer<typeof issuingDepartmentViewSchema>;
