import { CrewRole } from '../crew.js';
import { ErrorCode } from '../error-codes.js';
import { CloneAlertResolution } from '../schemas/review.js';
import { BlacklistKind } from '../schemas/sanctions.js';
import { ApplicationStatus } from '../workflow/application-state.js';
import { PassStatus } from '../workflow/pass-state.js';
import { z } from '../zod.js';
import {
  applicationEventViewSchema,
  applicationViewSchema,
  attachmentViewSchema,
  driverViewSchema,
  isoDate,
  isoInstant,
  pageSchema,
  vehicleViewSchema,
} from './views.js';

/** Response bodies of the officials' and checkpoints' APIs, shared so both sides read one definition. */

const uuid = z.string().meta({ format: 'uuid' });

/** Whitelisted through another province's list (白名单互认): that province's name; null for this one's own. */
const whitelistSource = z
  .string()
  .nullable()
  .meta({ description: '经外省白名单互认时为来源省份（如“江苏省”），本省白名单或非白名单为 null' });

export const queueItemSchema = z
  .strictObject({
    id: uuid,
    status: z.enum(ApplicationStatus),
    enterpriseName: z.string(),
    plate: z.string().nullable(),
    plateColour: z.string().nullable(),
    materialCategory: z.string(),
    validFrom: isoDate,
    validTo: isoDate,
    submittedAt: isoInstant,
    dueAt: isoInstant.nullable(),
    overdue: z.boolean(),
    /** Overdue at the step below, shown here so the superior can chase it up. */
    escalated: z.boolean().meta({ description: '在下级逾期而上报到此' }),
    whitelisted: z.boolean(),
    whitelistSource: whitelistSource,
  })
  .meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof queueItemSchema>;

export const reviewCountersSchema = z
  .strictObject({
    waiting: z.number(),
    overdue: z.number(),
    escalated: z.number(),
    /** Passes the jurisdiction may still issue this period; null when quotas are off. */
    quotaLeft: z.number().nullable().meta({ description: '本期剩余配额；不限配额时为 null' }),
  })
  .meta({ id: 'ReviewCounters' });
export type ReviewCounters = z.infer<typeof reviewCountersSchema>;

export const blacklistHitSchema = z
  .strictObject({
    kind: z.enum(BlacklistKind),
    label: z.string(),
    reason: z.string(),
    until: isoDate.nullable(),
  })
  .meta({ id: 'BlacklistHit' });
export type BlacklistHit = z.infer<typeof blacklistHitSchema>;

/** One step of the review history as officials see it: with the internal note the applicant never sees. */
export const reviewHistoryEntrySchema = applicationEventViewSchema
  .extend({ internalNote: z.string().nullable().meta({ description: '内部意见，仅审核人员可见' }) })
  .meta({ id: 'ReviewHistoryEntry' });
export type ReviewHistoryEntry = z.infer<typeof reviewHistoryEntrySchema>;

export const reviewDetailSchema = z
  .strictObject({
    application: applicationViewSchema,
    enterprise: z.strictObject({
      id: uuid,
      name: z.string(),
      creditCode: z.string(),
      verified: z.boolean(),
      whitelisted: z.boolean(),
      whitelistSource: whitelistSource,
      suspendedUntil: isoDate.nullable(),
    }),
    vehicle: vehicleViewSchema.nullable(),
    crew: z.array(driverViewSchema),
    attachments: z.array(attachmentViewSchema),
    /** The vehicle's and crew's documents as they were when the application was (last) submitted. */
    heldDocuments: z
      .array(attachmentViewSchema)
      .meta({ description: '提交时车辆和司乘人员的证件（行驶证、驾驶证、押运员证）；早于此功能提交的申请为空' }),
    vehicleActivePasses: z.array(z.strictObject({ passNumber: z.string(), validFrom: isoDate, validTo: isoDate })),
    blacklistHits: z.array(blacklistHitSchema),
    overdue: z.boolean(),
    dueAt: isoInstant.nullable(),
    /** Every step so far, oldest first: each level's decision, comment, internal note, who and when. */
    history: z.array(reviewHistoryEntrySchema),
  })
  .meta({ id: 'ReviewDetail' });
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

/** `POST /api/reviews/:id/decision`: the application after the decision, with the pass when the last step approved. */
export const reviewDecisionResultSchema = applicationViewSchema
  .extend({ passId: uuid.optional() })
  .meta({ id: 'ReviewDecisionResult' });
export type ReviewDecisionResult = z.infer<typeof reviewDecisionResultSchema>;

export const batchApproveResultSchema = z
  .discriminatedUnion('ok', [
    z.strictObject({ id: uuid, ok: z.literal(true), status: z.enum(ApplicationStatus), passId: uuid.nullable() }),
    z.strictObject({ id: uuid, ok: z.literal(false), code: z.enum(ErrorCode), message: z.string() }),
  ])
  .meta({ id: 'BatchApproveResult' });
export type BatchApproveResult = z.infer<typeof batchApproveResultSchema>;

export const passViewSchema = z
  .strictObject({
    id: uuid,
    passNumber: z.string(),
    status: z.enum(PassStatus),
    applicationId: uuid,
    enterpriseId: uuid,
    enterpriseName: z.string(),
    plate: z.string(),
    plateColour: z.string(),
    vehicleType: z.string(),
    crew: z.array(z.strictObject({ name: z.string(), idNumberMasked: z.string(), role: z.enum(CrewRole) })),
    materialCategory: z.string(),
    materialDescription: z.string(),
    originCode: z.string(),
    destinationCode: z.string(),
    waypointCodes: z.array(z.string()),
    validFrom: isoDate,
    validTo: isoDate,
    issuingDepartment: z.string(),
    /** Division code of the issuing authority (the pass number's first six digits). */
    issuerCode: z.string().meta({ description: '签发机关行政区划代码（证件编号前6位）' }),
    /** The county whose officials reviewed the application first. */
    routingCounty: z.string().meta({ description: '首先审核该申请的区县' }),
    issuedAt: isoInstant,
    url: z.string(),
    endedAt: isoInstant.nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'PassView' });
export type PassView = z.infer<typeof passViewSchema>;

export const passPageSchema = pageSchema(passViewSchema).meta({ id: 'PassPage' });

/** Whom a fleet manager's 发送给司乘人员 reached: the crew's phone numbers, masked. */
export const passShareResultSchema = z
  .strictObject({
    sentTo: z.array(z.string()).meta({ description: '已发送短信的司乘人员手机号码（中间四位隐去）' }),
  })
  .meta({ id: 'PassShareResult' });
export type PassShareResult = z.infer<typeof passShareResultSchema>;

export const traceStopSchema = z
  .strictObject({
    scanId: uuid,
    scannedAt: isoInstant,
    checkpointName: z.string(),
    regionCode: z.string(),
    direction: z.string(),
    /** `passage` or `interception` (the vehicle stopped at the gate, with the officer's reason). */
    kind: z.string().meta({ description: 'passage（通行）或 interception（拦截，附理由）' }),
    reason: z.string().nullable(),
    result: z.string(),
    cloneSuspected: z.boolean(),
  })
  .meta({ id: 'TraceStop' });
export type TraceStop = z.infer<typeof traceStopSchema>;

const sighting = z.strictObject({ checkpointName: z.string(), scannedAt: isoInstant });

export const cloneAlertViewSchema = z
  .strictObject({
    id: uuid,
    passId: uuid,
    passNumber: z.string(),
    plate: z.string(),
    first: sighting,
    second: sighting,
    distanceKm: z.number(),
    minutes: z.number(),
    createdAt: isoInstant,
    /** Null while open. */
    resolution: z.enum(CloneAlertResolution).nullable(),
    resolutionNote: z.string().nullable(),
    resolvedAt: isoInstant.nullable(),
  })
  .meta({ id: 'CloneAlertView' });
export type CloneAlertView = z.infer<typeof cloneAlertViewSchema>;

export const statisticsSchema = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    issuedPerDay: z.array(z.strictObject({ date: isoDate, count: z.number() })),
    issuedPerCategory: z.array(z.strictObject({ category: z.string(), name: z.string(), count: z.number() })),
    waiting: z.number(),
    overdue: z.number(),
    /** Off: issuance is not limited, and no allocation is listed (the home then says 不限 too). */
    quotaEnabled: z.boolean(),
    quota: z.array(
      z.strictObject({ jurisdictionCode: z.string(), period: z.string(), amount: z.number(), used: z.number() }),
    ),
  })
  .meta({ id: 'Statistics' });
export type Statistics = z.infer<typeof statisticsSchema>;

export const queuePageSchema = pageSchema(queueItemSchema).meta({ id: 'QueuePage' });
export type QueuePage = z.infer<typeof queuePageSchema>;

export const checkpointViewSchema = z
  .strictObject({
    id: uuid,
    code: z.string(),
    name: z.string(),
    regionCode: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    /** Out of service: kept for the scans it recorded, offered to no one. */
    retired: z.boolean().meta({ description: '已停用：保留其查验记录，不再供选择' }),
  })
  .meta({ id: 'CheckpointView' });
export type CheckpointView = z.infer<typeof checkpointViewSchema>;
