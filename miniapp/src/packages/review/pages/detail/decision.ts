import { applicationFieldNames, type ReviewDecision, reviewDecisionSchema } from '@pass/shared';
import { applicationFieldLabels } from '@/utils/labels';

export type DecisionKind = ReviewDecision['decision'];

/** How each decision is asked for: what the text box is called and what the button says. */
export const decisionTexts: Record<
  DecisionKind,
  { title: string; label: string; placeholder: string; confirm: string; optional?: boolean; danger?: boolean }
> = {
  approve: {
    title: '审核通过',
    label: '审核意见',
    placeholder: '可填写审核意见，后续审核人员和申请人都会看到',
    confirm: '确认通过',
    optional: true,
  },
  return: {
    title: '退回修改',
    label: '退回理由',
    placeholder: '请写明需要申请人修改或补充的内容',
    confirm: '确认退回',
  },
  reject: {
    title: '不予通过',
    label: '不予通过的理由',
    placeholder: '请写明不予通过的理由，申请人会看到',
    confirm: '确认不予通过',
    danger: true,
  },
};

export const fieldChoices = applicationFieldNames.map((value) => ({ value, label: applicationFieldLabels[value] }));

/**
 * The request body for a decision, built from what the official typed: the text goes to the applicant
 * (comment or reason), the note to the officials only; what is left empty is not sent.
 */
export function decisionOf(kind: DecisionKind, text: string, fields: string[], note = ''): unknown {
  const internal = note ? { internalNote: note } : {};
  if (kind === 'approve') return { decision: kind, ...(text ? { comment: text } : {}), ...internal };
  if (kind === 'reject') return { decision: kind, reason: text, ...internal };
  return { decision: kind, reason: text, ...(fields.length ? { fieldsToFix: fields } : {}), ...internal };
}

/** The shared schema's Chinese message when the decision cannot be sent. */
export function decisionProblem(kind: DecisionKind, text: string, fields: string[], note = ''): string | undefined {
  const parsed = reviewDecisionSchema.safeParse(decisionOf(kind, text, fields, note));
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/** What the official is told once a decision is in (an approval at the last level issues the pass). */
export function decisionDoneText(kind: DecisionKind, passIssued: boolean): string {
  if (kind !== 'approve') return `已${decisionTexts[kind].title}`;
  return passIssued ? '已通过，通行证已签发' : '已通过，转上级审核';
}
