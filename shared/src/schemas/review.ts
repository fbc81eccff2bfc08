import { z } from '../zod.js';
import { applicationFieldNames } from './application.js';
import { textField, uuidField } from './fields.js';

/** For the officials of later levels only: the applicant never sees it. */
const internalNote = textField('内部意见', 1, 500).optional();

/**
 * A reviewer's decision on one application. The comment and the reasons are addressed to the applicant
 * (reject and return must say why); `internalNote` is read by officials only.
 */
export const reviewDecisionSchema = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('approve'), comment: textField('审核意见', 1, 500).optional(), internalNote }),
    z.object({ decision: z.literal('reject'), reason: textField('不予通过的理由', 2, 500), internalNote }),
    z.object({
      decision: z.literal('return'),
      reason: textField('退回理由', 2, 500),
      internalNote,
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

/** A clone alert closed: `handled` (acted on, e.g. the pass revoked) or `dismissed` (a false alarm). */
export const CloneAlertResolution = { Handled: 'handled', Dismissed: 'dismissed' } as const;
export type CloneAlertResolution = (typeof CloneAlertResolution)[keyof typeof CloneAlertResolution];

export const cloneAlertResolutionNames: Record<CloneAlertResolution, string> = {
  handled: '已处置',
  dismissed: '已排除',
};

export const resolveCloneAlertSchema = z.object({
  resolution: z.enum(CloneAlertResolution, '请选择处理结果'),
  note: textField('处理说明', 2, 500),
});

export type ResolveCloneAlertRequest = z.output<typeof resolveCloneAlertSchema>;
