import { AttachmentKind } from '../attachments.js';
import { isCalendarDate } from '../dates.js';
import { heldDocumentUploadIssue } from '../held-documents.js';
import { holidayQuerySchema } from '../holidays.js';
import { materialCategoryCodePattern } from '../materials.js';
import { decodeBase64, encodeBase64Url } from '../pass-token/base64.js';
import { decodeUtf8, encodeUtf8 } from '../pass-token/utf8.js';
import { isQuotaPeriodKey } from '../quota.js';
import { Role } from '../roles.js';
import { classifySearch, type SearchTerm } from '../search.js';
import { ApplicationStatus } from '../workflow/application-state.js';
import { z } from '../zod.js';

/*
 * Query strings, validated like bodies: the server parses `?a=1&a=2` to an array and `?a[b]=1` to a key
 * named `a[b]`, so every parameter is one string of bounded length or it is refused with a message
 * naming it. An empty value counts as absent (forms send `?category=` when nothing is picked).
 * Unknown parameters are ignored (cache busters). Each schema is the whole query object of one route.
 */

const maxQueryValueLength = 200;

/** One string value: a repeated parameter (an array) or an over-long one is refused. */
function queryString(label: string, max = maxQueryValueLength) {
  return z
    .string({
      error: (issue) => (Array.isArray(issue.input) ? `查询参数${label}只能出现一次` : `查询参数${label}无效`),
    })
    .max(max, `查询参数${label}过长`);
}

/**
 * Absent or empty → undefined; otherwise checked by `schema`. The parameter's type is what a client may
 * send (`z.input` of the query schemas types the mini-program's requests); at run time it is anything.
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value: z.input<T> | '' | undefined) => (value === '' ? undefined : value), schema.optional());
}

const queryFlag = (label: string) =>
  optional(
    z.enum(['true', 'false'], {
      error: (issue) =>
        Array.isArray(issue.input) ? `查询参数${label}只能出现一次` : `查询参数${label}应为true或false`,
    }),
  ).transform((value) => value === 'true');

const pageLimit = optional(
  queryString('limit', 3)
    .regex(/^\d+$/, '每页条数应为1至100')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100, '每页条数应为1至100'),
).transform((n) => n ?? 20);

const instant = (label: string) =>
  queryString(label, 40)
    .refine((value) => !Number.isNaN(Date.parse(value)), `${label}时间格式无效`)
    .transform((value) => new Date(value));

const calendarDate = (label: string) =>
  queryString(label, 10).refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value),
    `${label}格式应为YYYY-MM-DD`,
  );

const enumOf = <T extends Record<string, string>>(values: T, label: string) =>
  z.enum(values, {
    error: (issue) => (Array.isArray(issue.input) ? `查询参数${label}只能出现一次` : `${label}无效`),
  });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The text inside an opaque base64url cursor, or undefined when it is not one. */
function cursorText(cursor: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,300}$/.test(cursor)) return undefined;
  const bytes = decodeBase64(cursor);
  return bytes ? decodeUtf8(bytes) : undefined;
}

/** Keyset position of a newest-first list: the (created_at, id) of the last row seen. */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

export const encodePageCursor = (createdAt: Date, id: string): string =>
  encodeBase64Url(encodeUtf8(`${createdAt.toISOString()}|${id}`));

export function decodePageCursor(cursor: string): PageCursor | undefined {
  const [iso, id, ...rest] = (cursorText(cursor) ?? '').split('|');
  const createdAt = new Date(iso ?? '');
  if (rest.length || !id || !uuidPattern.test(id) || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}

/** Keyset position of the review queue: whitelisted (1/0), submitted at, id. */
export interface QueueCursor {
  w: 0 | 1;
  t: string;
  id: string;
}

export const encodeQueueCursor = (cursor: QueueCursor): string => encodeBase64Url(encodeUtf8(JSON.stringify(cursor)));

const queueCursorShape = z.strictObject({
  w: z.union([z.literal(0), z.literal(1)]),
  t: z
    .string()
    .max(40)
    .refine((t) => !Number.isNaN(Date.parse(t))),
  id: z.string().regex(uuidPattern),
});

export function decodeQueueCursor(cursor: string): QueueCursor | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursorText(cursor) ?? '');
  } catch {
    return undefined;
  }
  const result = queueCursorShape.safeParse(parsed);
  return result.success ? result.data : undefined;
}

/** A cursor is validated after decoding: the output is the decoded position, never the raw text. */
const cursorOf = <T>(decode: (cursor: string) => T | undefined) =>
  optional(
    queryString('cursor', 300).transform((cursor, ctx) => {
      const decoded = decode(cursor);
      if (decoded !== undefined) return decoded;
      ctx.addIssue({ code: 'custom', message: '分页参数无效', input: cursor });
      return z.NEVER;
    }),
  );

/**
 * `q`, what a list's search box holds: classified by `classifySearch` (plate, pass number, credit code or
 * name), or refused with the message saying what is expected. Blank is no search.
 */
const searchQuery = optional(
  queryString('q', 50).transform((text, ctx): SearchTerm | undefined => {
    if (text.trim() === '') return undefined;
    const term = classifySearch(text);
    if (term.ok) return term.value;
    ctx.addIssue({ code: 'custom', message: term.message, input: text });
    return z.NEVER;
  }),
);

export const reviewQueueQuerySchema = z.object({
  q: searchQuery,
  category: optional(queryString('category', 40).regex(materialCategoryCodePattern, '物资类别无效')),
  overdue: queryFlag('overdue'),
  whitelistFirst: queryFlag('whitelistFirst'),
  cursor: cursorOf(decodeQueueCursor),
  limit: pageLimit,
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

export const applicationListQuerySchema = z.object({
  q: searchQuery,
  status: optional(enumOf(ApplicationStatus, '状态')),
  cursor: cursorOf(decodePageCursor),
  limit: pageLimit,
});
export type ApplicationListQuery = z.output<typeof applicationListQuerySchema>;

export const passListQuerySchema = z.object({ q: searchQuery, cursor: cursorOf(decodePageCursor) });

/** A fleet's vehicles or crew: by plate (vehicles) or by the beginning of a name (crew). */
export const registerListQuerySchema = z.object({ q: searchQuery });
export type RegisterListQuery = z.output<typeof registerListQuerySchema>;

export const notificationListQuerySchema = z.object({ cursor: cursorOf(decodePageCursor), limit: pageLimit });
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;
export type PassListQuery = z.output<typeof passListQuerySchema>;

export const auditQuerySchema = z.object({
  entityType: optional(queryString('entityType', 50)),
  entityId: optional(queryString('entityId', 100)),
  actorId: optional(queryString('actorId', 36).regex(uuidPattern, '操作人编号无效')),
  action: optional(queryString('action', 50)),
  from: optional(instant('起始')),
  to: optional(instant('截止')),
  before: optional(instant('翻页')),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const quotaListQuerySchema = z.object({
  period: optional(
    queryString('period', 8).refine(isQuotaPeriodKey, '配额周期应为月份（如2022-05）或周（如2022-W21）'),
  ),
});
export type QuotaListQuery = z.output<typeof quotaListQuerySchema>;

export const statsQuerySchema = z
  .object({ from: optional(calendarDate('起始日期')), to: optional(calendarDate('截止日期')) })
  .refine(({ from, to }) => !from || !to || from <= to, { message: '起始日期不能晚于截止日期', path: ['from'] });
export type StatsQuery = z.output<typeof statsQuerySchema>;

export const statusListQuerySchema = z.object({
  since: optional(
    queryString('since', 10)
      .regex(/^\d{1,10}$/, '版本号无效')
      .transform(Number),
  ),
});
export type StatusListQuery = z.output<typeof statusListQuerySchema>;

/**
 * `POST /api/attachments`: a 行驶证 names its vehicle, a 驾驶证 or 押运员证 its person, each with its
 * 有效期至 (held-documents.ts); the other kinds name neither.
 */
export const attachmentUploadQuerySchema = z
  .object({
    kind: z.preprocess(
      (value: AttachmentKind) => ((value as unknown) === '' ? undefined : value),
      z.enum(AttachmentKind, {
        error: (issue) => (Array.isArray(issue.input) ? '查询参数kind只能出现一次' : '请选择材料类型'),
      }),
    ),
    vehicleId: optional(queryString('vehicleId', 36).regex(uuidPattern, '车辆编号无效')),
    driverId: optional(queryString('driverId', 36).regex(uuidPattern, '人员编号无效')),
    expiresOn: optional(calendarDate('有效期至')),
  })
  .superRefine((upload, ctx) => {
    const issue = heldDocumentUploadIssue(upload);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type AttachmentUploadQuery = z.output<typeof attachmentUploadQuerySchema>;

export const enterpriseListQuerySchema = z.object({ pending: queryFlag('pending') });
export type EnterpriseListQuery = z.output<typeof enterpriseListQuerySchema>;

/** `GET /api/admin/accounts`: by role, and by a part of the name or phone number. */
export const accountListQuerySchema = z.object({
  role: optional(enumOf(Role, '角色')),
  q: optional(queryString('q', 50).trim()),
});
export type AccountListQuery = z.output<typeof accountListQuerySchema>;

/** `GET /api/admin/whitelist`: by a part of the name or credit code, and by batch. */
export const whitelistQuerySchema = z.object({
  q: optional(queryString('q', 50).trim()),
  batch: optional(queryString('batch', 50).trim()),
});
export type WhitelistQuery = z.output<typeof whitelistQuerySchema>;

/** Open alerts (the default) or those already handled or dismissed. */
export const CloneAlertState = { Open: 'open', Resolved: 'resolved' } as const;
export type CloneAlertState = (typeof CloneAlertState)[keyof typeof CloneAlertState];

export const cloneAlertQuerySchema = z.object({
  state: enumOf(CloneAlertState, '告警状态').default('open'),
});
export type CloneAlertQuery = z.output<typeof cloneAlertQuerySchema>;

/**
 * `GET /api/federation/bundle?known=320000:12,310000:4`: the status-list version the device holds per
 * issuer; an issuer whose list is still at that version is sent without its bits.
 */
export const federationBundleQuerySchema = z.object({
  known: optional(
    queryString('known', 2000).regex(
      /^\d{6}:\d{1,10}(,\d{6}:\d{1,10}){0,99}$/,
      '查询参数known应为“辖区代码:版本号”，以逗号分隔',
    ),
  ).transform((value) =>
    Object.fromEntries((value ? value.split(',') : []).map((pair) => [pair.slice(0, 6), Number(pair.slice(7))])),
  ),
});
export type FederationBundleQuery = z.output<typeof federationBundleQuerySchema>;

/**
 * Every query string the API accepts, by name, like `requestSchemas` for bodies. A route without
 * parameters accepts any query and ignores it.
 */
export const querySchemas = {
  holidays: holidayQuerySchema,
  reviewQueue: reviewQueueQuerySchema,
  applicationList: applicationListQuerySchema,
  passList: passListQuerySchema,
  registerList: registerListQuerySchema,
  audit: auditQuerySchema,
  quotaList: quotaListQuerySchema,
  stats: statsQuerySchema,
  statusList: statusListQuerySchema,
  attachmentUpload: attachmentUploadQuerySchema,
  enterpriseList: enterpriseListQuerySchema,
  accountList: accountListQuerySchema,
  whitelist: whitelistQuerySchema,
  cloneAlerts: cloneAlertQuerySchema,
  federationBundle: federationBundleQuerySchema,
} as const;

export type QuerySchemaName = keyof typeof querySchemas;

/**
 * A route's query string as a client writes it: the schema's input, every value text as it goes on the
 * wire (`{ overdue: 'true', limit: '20' }`). The mini-program's services are typed with it.
 */
export type QueryStringOf<Name extends QuerySchemaName> = z.input<(typeof querySchemas)[Name]>;
