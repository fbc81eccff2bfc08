import { healthStatusSchema } from '../health.js';
import { calendarDaySchema } from '../holidays.js';
import { whitelistEntryViewSchema } from '../schemas/accounts.js';
import { z } from '../zod.js';
import {
  auditEntryViewSchema,
  blacklistEntryViewSchema,
  issuingDepartmentViewSchema,
  provinceSettingsDocumentViewSchema,
  quotaViewSchema,
  scanUploadResultSchema,
  suspensionViewSchema,
  whitelistBatchSchema,
} from './admin-views.js';
import { recognisedWhitelistViewSchema, trustedIssuerViewSchema } from './federation-views.js';
import {
  notificationPageSchema,
  notificationViewSchema,
  subscribeTemplatesSchema,
  unreadCountSchema,
} from './notification-views.js';
import {
  batchApproveResultSchema,
  checkpointViewSchema,
  cloneAlertViewSchema,
  passPageSchema,
  passShareResultSchema,
  passViewSchema,
  queuePageSchema,
  reviewCountersSchema,
  reviewDecisionResultSchema,
  reviewDetailSchema,
  statisticsSchema,
  traceStopSchema,
} from './review-views.js';
import { onlineVerificationSchema, signedDocumentSchema, trustListSchema } from './verification-views.js';
import {
  accountViewSchema,
  adminAccountViewSchema,
  applicationEventViewSchema,
  applicationPageSchema,
  applicationViewSchema,
  attachmentViewSchema,
  authTokensSchema,
  driverIdNumberSchema,
  driverViewSchema,
  enterpriseViewSchema,
  vehicleViewSchema,
  whitelistImportReportSchema,
} from './views.js';

/**
 * The JSON answer of every route, by `METHOD /path` as the server declares it. The server's handlers
 * carry the same schemas (`@ApiZodResponse`; server/test/openapi.spec.ts checks the two agree route by
 * route), so a client typed from this table reads what the server writes. Routes that answer a file
 * or nothing (204) are not listed.
 */
export const apiResponses = {
  'GET /api/health': healthStatusSchema,
  'GET /api/settings': provinceSettingsDocumentViewSchema,
  'PUT /api/admin/settings': provinceSettingsDocumentViewSchema,
  'GET /api/admin/settings/history': z.array(provinceSettingsDocumentViewSchema),
  'GET /api/holidays': z.array(calendarDaySchema),
  'PUT /api/admin/holidays/:year': z.array(calendarDaySchema),
  'GET /api/trust-list': trustListSchema,
  'GET /api/admin/departments': z.array(issuingDepartmentViewSchema),
  'PUT /api/admin/departments/:regionCode': issuingDepartmentViewSchema,
  'POST /api/auth/login': authTokensSchema,
  'POST /api/auth/refresh': authTokensSchema,
  'POST /api/auth/wechat': authTokensSchema,
  'POST /api/auth/wechat/bind': authTokensSchema,
  'GET /api/auth/me': accountViewSchema,
  'POST /api/crew/sign-in': authTokensSchema,
  'POST /api/crew/refresh': authTokensSchema,
  'POST /api/auth/password': authTokensSchema,
  'POST /api/admin/accounts': accountViewSchema,
  'GET /api/admin/accounts': z.array(adminAccountViewSchema),
  'PUT /api/admin/accounts/:id': accountViewSchema,
  'POST /api/admin/accounts/:id/disable': accountViewSchema,
  'POST /api/admin/accounts/:id/enable': accountViewSchema,
  'POST /api/admin/accounts/:id/reset-password': accountViewSchema,
  'POST /api/enterprises/register': authTokensSchema,
  'GET /api/enterprises/mine': enterpriseViewSchema,
  'PUT /api/enterprises/mine': enterpriseViewSchema,
  'GET /api/enterprises': z.array(enterpriseViewSchema),
  'POST /api/enterprises/:id/verify': enterpriseViewSchema,
  'POST /api/admin/whitelist/import': whitelistImportReportSchema,
  'GET /api/admin/whitelist': z.array(whitelistEntryViewSchema),
  'GET /api/admin/whitelist/batches': z.array(whitelistBatchSchema),
  'GET /api/vehicles': z.array(vehicleViewSchema),
  'POST /api/vehicles': vehicleViewSchema,
  'GET /api/vehicles/:id': vehicleViewSchema,
  'PUT /api/vehicles/:id': vehicleViewSchema,
  'GET /api/drivers': z.array(driverViewSchema),
  'POST /api/drivers': driverViewSchema,
  'GET /api/drivers/:id': driverViewSchema,
  'PUT /api/drivers/:id': driverViewSchema,
  'GET /api/drivers/:id/id-number': driverIdNumberSchema,
  'POST /api/attachments': attachmentViewSchema,
  'GET /api/attachments': z.array(attachmentViewSchema),
  'GET /api/attachments/held': z.array(attachmentViewSchema),
  'POST /api/applications': applicationViewSchema,
  'GET /api/applications': applicationPageSchema,
  'GET /api/applications/:id': applicationViewSchema,
  'PUT /api/applications/:id': applicationViewSchema,
  'GET /api/applications/:id/events': z.array(applicationEventViewSchema),
  'POST /api/applications/:id/submit': applicationViewSchema,
  'POST /api/applications/:id/resubmit': applicationViewSchema,
  'POST /api/applications/:id/withdraw': applicationViewSchema,
  'GET /api/reviews/queue': queuePageSchema,
  'GET /api/reviews/counters': reviewCountersSchema,
  'GET /api/reviews/:id': reviewDetailSchema,
  'POST /api/reviews/:id/decision': reviewDecisionResultSchema,
  'POST /api/reviews/batch-approve': z.array(batchApproveResultSchema),
  'GET /api/passes': passPageSchema,
  'GET /api/passes/:id': passViewSchema,
  'POST /api/passes/:id/revoke': passViewSchema,
  'POST /api/passes/:id/share': passShareResultSchema,
  'GET /api/admin/audit': z.array(auditEntryViewSchema),
  'POST /api/admin/quotas': quotaViewSchema,
  'GET /api/admin/quotas': z.array(quotaViewSchema),
  'POST /api/admin/blacklist': blacklistEntryViewSchema,
  'GET /api/admin/blacklist': z.array(blacklistEntryViewSchema),
  'GET /api/admin/suspensions': z.array(suspensionViewSchema),
  'GET /api/stats': statisticsSchema,
  'POST /api/verification/verify': onlineVerificationSchema,
  'GET /api/verification/passes/:passNumber': onlineVerificationSchema,
  'GET /api/verification/status-list': signedDocumentSchema,
  'POST /api/scans': scanUploadResultSchema,
  'GET /api/passes/:id/trace': z.array(traceStopSchema),
  'GET /api/alerts/clones': z.array(cloneAlertViewSchema),
  'POST /api/alerts/clones/:id/resolve': cloneAlertViewSchema,
  'GET /api/checkpoints': z.array(checkpointViewSchema),
  'POST /api/admin/checkpoints': checkpointViewSchema,
  'PUT /api/admin/checkpoints/:id': checkpointViewSchema,
  'POST /api/admin/checkpoints/:id/retire': checkpointViewSchema,
  'POST /api/admin/checkpoints/:id/reinstate': checkpointViewSchema,
  'GET /api/notifications': notificationPageSchema,
  'GET /api/notifications/unread-count': unreadCountSchema,
  'GET /api/notifications/subscribe-templates': subscribeTemplatesSchema,
  'POST /api/notifications/:id/read': notificationViewSchema,
  'POST /api/notifications/read-all': unreadCountSchema,
  'GET /api/federation/issuer': signedDocumentSchema,
  'GET /api/federation/bundle': signedDocumentSchema,
  'GET /api/admin/federation/issuers': z.array(trustedIssuerViewSchema),
  'POST /api/admin/federation/issuers': trustedIssuerViewSchema,
  'POST /api/admin/federation/issuers/:id/suspend': trustedIssuerViewSchema,
  'POST /api/admin/federation/issuers/:id/reinstate': trustedIssuerViewSchema,
  'POST /api/admin/federation/issuers/:id/sync': trustedIssuerViewSchema,
  'GET /api/federation/whitelist': signedDocumentSchema,
  'GET /api/admin/federation/whitelists': z.array(recognisedWhitelistViewSchema),
  'POST /api/admin/federation/whitelists': recognisedWhitelistViewSchema,
} as const satisfies Record<string, z.ZodType>;

export type ApiRoute = keyof typeof apiResponses;

/** The body a route answers with, e.g. `ApiResponseOf<'GET /api/vehicles'>`. */
export type ApiResponseOf<Route extends ApiRoute> = z.output<(typeof apiResponses)[Route]>;

/** Any JSON answer of the API; nothing for the routes that answer 204. */
// biome-ignore lint/suspicious/noConfusingVoidType: callers of 204 routes spell their answer `request<void>`.
export type ApiResponseBody = ApiResponseOf<ApiRoute> | undefined | void;
