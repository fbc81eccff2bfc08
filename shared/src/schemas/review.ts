import { z } from '../zod.js';
import { applicationFieldNames } from './application.js';
import { textField, uuidField } from './fields.js';

/** A reviewer's decision on one application; reject and return must say why (the applicant sees it). */
export const reviewDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), comment: textField('审核意见', 1, 500).optional() }),
    z.object({ decision: z.literal('reject'), reason: textField('不予通过的理由', 2, 500) }),
    z.object({
      decision: z.literal('return'),
      reason: textField('退回理由', 2, 500),
      fieldsToFix: z
        .array(z.enum(applicationFieldNames, '需修改的项目无效'))
        .max(applicationFieldNames.length)
        .optional(),
    }),
  ],
  '请选择审核结论',
);

export type ReviewDecision = z.output<typeof reviewDecisionSchema>;

export const maxBatchApproval = 100;

/** Whitelisted firms' applications are approved in batches; each is still checked on its own. */
export const batchApproveSchema = z.object({
  applicationIds: z
    .array(uuidField('申请'), '请选择申请')
    .min(1, '请至少选择一个申请')
    .max(maxBatchApproval, `一次最多批量审批${maxBatchApproval}个申请`)
    .refine((ids) => new Set(ids).size === ids.length, '申请不能重复'),
  comment: textField('审核意见', 1, 500).optional(),
});

export type BatchApproveRequest = z.output<typeof batchApproveSchema>;

export const revokePassSchema = z.object({
  reason: textField('撤销理由', 2, 500),
});

export type RevokePassRequest = z.output<typeof revokePassSchema>;
