import { AttachmentKind } from '../attachments.js';
import { CrewRole } from '../crew.js';
import { QuantityUnit } from '../materials.js';
import { Role } from '../roles.js';
import { PlateColour } from '../validation/plate.js';
import { VehicleType } from '../vehicle-types.js';
import { ApplicationAction, ApplicationStatus } from '../workflow/application-state.js';
import { ReviewLevel } from '../workflow/review-levels.js';
import { z } from '../zod.js';

/*
 * The API's response bodies as zod schemas, shared so the mini-program reads exactly what the server
 * writes: the types are inferred from them, the OpenAPI document is generated from them, and the
 * server's tests parse every JSON answer they see with its route's schema. Objects are strict, so a
 * field the server starts sending (or stops sending) without the contract saying so fails those tests.
 * They describe shapes only; the rules for what a user may send live in the request schemas.
 */

/** An ISO 8601 instant as JSON carries a Date. */
export const isoInstant = z.string().meta({ format: 'date-time' });
/** A `YYYY-MM-DD` calendar date. */
export const isoDate = z.string().meta({ format: 'date' });
const uuid = z.string().meta({ format: 'uuid' });

export const accountViewSchema = z
  .strictObject({
    id: uuid,
    role: z.enum(Role),
    name: z.string(),
    phone: z.string(),
    enterpriseId: uuid.nullable(),
    jurisdictionCode: z.string().nullable(),
    department: z.string().nullable(),
    reviewLevel: z.string().nullable(),
    checkpointId: uuid.nullable(),
    wechatBound: z.boolean(),
    /** Stopped by an admin: cannot sign in. */
    disabled: z.boolean().meta({ description: '被管理员停用，不能登录' }),
    /** Signed in with a password an admin set: must choose a new one first. */
    mustChangePassword: z.boolean().meta({ description: '使用管理员设置的密码登录，须先修改密码' }),
  })
  .meta({ id: 'AccountView' });
export type AccountView = z.infer<typeof accountViewSchema>;

/** An account as the admin's account list shows it. */
export const adminAccountViewSchema = accountViewSchema
  .extend({
    /** Until when sign-in is locked after failed passwords (from at least one address), ISO; null if not. */
    lockedUntil: isoInstant.nullable().meta({ description: '登录锁定至何时；未锁定为 null' }),
  })
  .meta({ id: 'AdminAccountView' });
export type AdminAccountView = z.infer<typeof adminAccountViewSchema>;

export const authTokensSchema = z
  .strictObject({
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().meta({ description: '访问凭证有效秒数' }),
    refreshToken: z.string(),
    account: accountViewSchema,
  })
  .meta({ id: 'AuthTokens' });
export type AuthTokens = z.infer<typeof authTokensSchema>;

export const enterpriseViewSchema = z
  .strictObject({
    id: uuid,
    creditCode: z.string(),
    name: z.string(),
    address: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
    districtCode: z.string(),
    verified: z.boolean(),
    whitelisted: z.boolean(),
  })
  .meta({ id: 'EnterpriseView' });
export type EnterpriseView = z.infer<typeof enterpriseViewSchema>;

export const vehicleViewSchema = z
  .strictObject({
    id: uuid,
    plate: z.string(),
    plateColour: z.enum(PlateColour),
    vehicleType: z.enum(VehicleType),
    transportLicenseNumber: z.string(),
    vin: z.string().nullable(),
  })
  .meta({ id: 'VehicleView' });
export type VehicleView = z.infer<typeof vehicleViewSchema>;

export const driverViewSchema = z
  .strictObject({
    id: uuid,
    name: z.string(),
    /** Masked; the full number is shown only where a person must compare it with the card. */
    idNumber: z.string().meta({ description: '脱敏的身份证号码' }),
    phone: z.string(),
    role: z.enum(CrewRole),
  })
  .meta({ id: 'DriverView' });
export type DriverView = z.infer<typeof driverViewSchema>;

/** `GET /api/drivers/:id/id-number`: the unmasked number, for the fleet manager to compare with the card. */
export const driverIdNumberSchema = z.strictObject({ idNumber: z.string() }).meta({ id: 'DriverIdNumber' });
export type DriverIdNumber = z.infer<typeof driverIdNumberSchema>;

export const attachmentViewSchema = z
  .strictObject({
    id: uuid,
    kind: z.enum(AttachmentKind),
    mimeType: z.string(),
    sizeBytes: z.number(),
    originalName: z.string(),
    createdAt: isoInstant,
    /** The vehicle holding it (a 行驶证), or null. */
    vehicleId: uuid.nullable().meta({ description: '持有该证件的车辆（行驶证）；随申请上传的材料为 null' }),
    /** The person holding it (a 驾驶证 or 押运员证), or null. */
    driverId: uuid
      .nullable()
      .meta({ description: '持有该证件的司乘人员（驾驶证、押运员证）；随申请上传的材料为 null' }),
    expiresOn: isoDate.nullable().meta({ description: '证件有效期至；随申请上传的材料为 null' }),
  })
  .meta({ id: 'AttachmentView' });
export type AttachmentView = z.infer<typeof attachmentViewSchema>;

/** A consignor or consignee as stored (the request rules in `partySchema` may have changed since). */
export const partyViewSchema = z
  .strictObject({
    name: z.string(),
    address: z.string(),
    contactName: z.string(),
    contactPhone: z.string(),
  })
  .meta({ id: 'Party' });

export const reviewStepSchema = z
  .strictObject({ level: z.enum(ReviewLevel), jurisdictionCode: z.string() })
  .meta({ id: 'ReviewStep' });

export const applicationViewSchema = z
  .strictObject({
    id: uuid,
    status: z.enum(ApplicationStatus),
    enterpriseId: uuid,
    vehicleId: uuid.nullable(),
    crewDriverIds: z.array(uuid),
    materialCategory: z.string().nullable(),
    materialDescription: z.string().nullable(),
    quantity: z.number().nullable(),
    quantityUnit: z.enum(QuantityUnit).nullable(),
    consignor: partyViewSchema.nullable(),
    consignee: partyViewSchema.nullable(),
    originCode: z.string().nullable(),
    destinationCode: z.string().nullable(),
    waypointCodes: z.array(z.string()),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    attachmentIds: z.array(uuid),
    reviewSteps: z.array(reviewStepSchema),
    reviewLevelIndex: z.number(),
    /** The reason of the last rejection or return, shown to the applicant. */
    lastReason: z.string().nullable().meta({ description: '最近一次不予通过或退回的理由' }),
    fieldsToFix: z.array(z.string()),
    submittedAt: isoInstant.nullable(),
    /** 办理时限 of the step it awaits; null unless awaiting a decision. */
    dueAt: isoInstant.nullable().meta({ description: '当前审核环节的办理期限；不在审核中时为 null' }),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    /** What the caller may do now, from the shared state machine. */
    actions: z.array(z.enum(ApplicationAction)).meta({ description: '调用者当前可进行的操作' }),
  })
  .meta({ id: 'ApplicationView' });
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const applicationEventViewSchema = z
  .strictObject({
    id: uuid,
    at: isoInstant,
    action: z.string(),
    fromStatus: z.enum(ApplicationStatus).nullable(),
    toStatus: z.enum(ApplicationStatus),
    actorRole: z.string(),
    actorName: z.string().nullable(),
    /** Officials: the office that took the step (jurisdiction, level) and their department. */
    jurisdictionCode: z.string().nullable(),
    reviewLevel: z.enum(ReviewLevel).nullable(),
    actorDepartment: z.string().nullable(),
    /** Addressed to the applicant: the approval comment, the reason of a return or rejection. */
    comment: z.string().nullable().meta({ description: '给申请人的意见或理由' }),
    /** A return: the fields the official asked to correct. */
    fieldsToFix: z.array(z.string()),
  })
  .meta({ id: 'ApplicationEventView' });
export type ApplicationEventView = z.infer<typeof applicationEventViewSchema>;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** The schema of a `Page<T>`: a keyset page of a newest-first list. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: '下一页的 cursor；最后一页为 null' }),
  });

/** A batch that was imported; a batch with any bad row is refused whole (VALIDATION_FAILED, one detail per row). */
export const whitelistImportReportSchema = z
  .strictObject({
    batch: z.string(),
    added: z.number(),
    updated: z.number(),
    removed: z.number(),
  })
  .meta({ id: 'WhitelistImportReport' });
export type WhitelistImportReport = z.infer<typeof whitelistImportReportSchema>;

export const applicationPageSchema = pageSchema(applicationViewSchema).meta({ id: 'ApplicationPage' });
