import { provinceSettingsSchema } from '../settings.js';
import { applicationSchema } from './application.js';
import { loginSchema, wechatLoginSchema } from './auth.js';
import { quotaAllocationSchema } from './quota.js';
import { driverSchema, enterpriseRegistrationSchema, vehicleSchema } from './registry.js';
import { batchApproveSchema, resolveCloneAlertSchema, reviewDecisionSchema, revokePassSchema } from './review.js';
import { blacklistEntrySchema, suspensionSchema } from './sanctions.js';
import { scanUploadSchema } from './scan.js';

/**
 * Every request body the API accepts, by name: the server validates with them and generates its
 * OpenAPI document from them (`z.toJSONSchema(schema, { io: 'input' })`). The province-specific
 * application rules come from `createApplicationSchema(settings)` on top of `application`.
 */
export const requestSchemas = {
  login: loginSchema,
  wechatLogin: wechatLoginSchema,
  enterpriseRegistration: enterpriseRegistrationSchema,
  vehicle: vehicleSchema,
  driver: driverSchema,
  application: applicationSchema,
  reviewDecision: reviewDecisionSchema,
  batchApprove: batchApproveSchema,
  revokePass: revokePassSchema,
  resolveCloneAlert: resolveCloneAlertSchema,
  blacklistEntry: blacklistEntrySchema,
  suspension: suspensionSchema,
  quotaAllocation: quotaAllocationSchema,
  provinceSettings: provinceSettingsSchema,
  scanUpload: scanUploadSchema,
} as const;

export type RequestSchemaName = keyof typeof requestSchemas;
