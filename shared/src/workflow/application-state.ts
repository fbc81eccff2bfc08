import { ErrorCode } from '../error-codes.js';
import type { Actor, ActorRole, UserActor } from './actor.js';
import type { ReviewStep } from './routing.js';
import { type TransitionCheck, TransitionError } from './transition-error.js';

/**
 * The life of an application, as pure functions over data: the server enforces with
 * `assertTransition`, the mini-program shows buttons with `availableActions`. Review is one state
 * whatever the chain's length; the level under review is `reviewLevelIndex` into `reviewSteps`.
 */
export const ApplicationStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  /** Corrected after a return; reviewed like a new submission but shown apart so it is picked up first. */
  Resubmitted: 'resubmitted',
  UnderReview: 'under_review',
  Returned: 'returned',
  Rejected: 'rejected',
  /** Approved at the last level; the pass is issued in the same step. */
  Approved: 'approved',
  Withdrawn: 'withdrawn',
} as const;

export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const applicationStatusNames: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待受理',
  resubmitted: '已重新提交',
  under_review: '审核中',
  returned: '退回修改',
  rejected: '未通过',
  approved: '已发证',
  withdrawn: '已撤回',
};

export const ApplicationAction = {
  Edit: 'edit',
  Submit: 'submit',
  Withdraw: 'withdraw',
  /** 受理: an official takes the application up, which stops the clock on 待受理. Optional. */
  Accept: 'accept',
  Approve: 'approve',
  Reject: 'reject',
  Return: 'return',
  Resubmit: 'resubmit',
} as const;

export type ApplicationAction = (typeof ApplicationAction)[keyof typeof ApplicationAction];

export const applicationActionNames: Record<ApplicationAction, string> = {
  edit: '修改',
  submit: '提交',
  withdraw: '撤回',
  accept: '受理',
  approve: '审核通过',
  reject: '不予通过',
  return: '退回修改',
  resubmit: '重新提交',
};

interface TransitionRule<S> {
  from: readonly S[];
  roles: readonly ActorRole[];
}

const awaitingDecision: readonly ApplicationStatus[] = ['submitted', 'resubmitted', 'under_review'];

/** Who may do what in which state. Guards over the data (ownership, jurisdiction, four-eyes) come on top. */
export const applicationTransitions: Readonly<Record<ApplicationAction, TransitionRule<ApplicationStatus>>> = {
  edit: { from: ['draft', 'returned'], roles: ['fleet_manager'] },
  submit: { from: ['draft'], roles: ['fleet_manager'] },
  withdraw: { from: ['draft', 'submitted', 'resubmitted', 'under_review', 'returned'], roles: ['fleet_manager'] },
  accept: { from: ['submitted', 'resubmitted'], roles: ['official'] },
  approve: { from: awaitingDecision, roles: ['official'] },
  reject: { from: awaitingDecision, roles: ['official'] },
  return: { from: awaitingDecision, roles: ['official'] },
  resubmit: { from: ['returned'], roles: ['fleet_manager'] },
};

export const finalApplicationStatuses: readonly ApplicationStatus[] = ['approved', 'rejected', 'withdrawn'];

export interface Approval {
  levelIndex: number;
  officialId: string;
}

/** What the rules need to know about an application. */
export interface ApplicationSnapshot {
  status: ApplicationStatus;
  enterpriseId: string;
  /** Resolved when the application is submitted (see `reviewStepsFor`). */
  reviewSteps: ReviewStep[];
  reviewLevelIndex: number;
  /** Approvals of the current round; a return starts a new round. */
  approvals: Approval[];
}

export function currentReviewStep(app: ApplicationSnapshot): ReviewStep | undefined {
  return awaitingDecision.includes(app.status) ? app.reviewSteps[app.reviewLevelIndex] : undefined;
}

const refuse = (code: ErrorCode, message: string) => ({ ok: false, code, message }) as const;

function guard(app: ApplicationSnapshot, action: ApplicationAction, actor: UserActor): TransitionCheck<null> {
  if (actor.role === 'fleet_manager') {
    if (!actor.enterpriseId || actor.enterpriseId !== app.enterpriseId) {
      return refuse(ErrorCode.Forbidden, '只能办理本企业的申请');
    }
    return { ok: true, next: null };
  }
  const step = app.reviewSteps[app.reviewLevelIndex];
  if (!step) return refuse(ErrorCode.InvalidTransition, '该申请没有待审核的层级');
  if (actor.jurisdictionCode !== step.jurisdictionCode || actor.reviewLevel !== step.level) {
    return refuse(ErrorCode.NotInJurisdiction, '该申请不在您的审核辖区或审核层级内');
  }
  if (
    action === 'approve' &&
    app.approvals.some((a) => a.officialId === actor.id && a.levelIndex < app.reviewLevelIndex)
  ) {
    return refuse(ErrorCode.FourEyesRequired, '您已在上一级审批过该申请，请由其他人员审批');
  }
  return { ok: true, next: null };
}

function nextSnapshot(app: ApplicationSnapshot, action: ApplicationAction, actor: UserActor): ApplicationSnapshot {
  switch (action) {
    case 'edit':
      return app;
    case 'submit':
      return { ...app, status: 'submitted', reviewLevelIndex: 0, approvals: [] };
    case 'resubmit':
      return { ...app, status: 'resubmitted', reviewLevelIndex: 0, approvals: [] };
    case 'withdraw':
      return { ...app, status: 'withdrawn' };
    case 'accept':
      return { ...app, status: 'under_review' };
    case 'reject':
      return { ...app, status: 'rejected' };
    case 'return':
      return { ...app, status: 'returned' };
    case 'approve': {
      const approvals = [...app.approvals, { levelIndex: app.reviewLevelIndex, officialId: actor.id }];
      const isLastLevel = app.reviewLevelIndex >= app.reviewSteps.length - 1;
      return isLastLevel
        ? { ...app, status: 'approved', approvals }
        : { ...app, status: 'under_review', reviewLevelIndex: app.reviewLevelIndex + 1, approvals };
    }
  }
}

/** Whether `actor` may do `action`, and the application afterwards; a refusal carries its error code. */
export function checkTransition(
  app: ApplicationSnapshot,
  action: ApplicationAction,
  actor: Actor,
): TransitionCheck<ApplicationSnapshot> {
  const rule = applicationTransitions[action];
  if (!rule.roles.includes(actor.role) || actor.role === 'system')
    return refuse(ErrorCode.Forbidden, '您的角色不能进行此操作');
  if (!rule.from.includes(app.status)) {
    return refuse(
      ErrorCode.InvalidTransition,
      `申请${applicationStatusNames[app.status]}，不能${applicationActionNames[action]}`,
    );
  }
  const guarded = guard(app, action, actor);
  if (!guarded.ok) return guarded;
  return { ok: true, next: nextSnapshot(app, action, actor) };
}

export function canTransition(app: ApplicationSnapshot, action: ApplicationAction, actor: Actor): boolean {
  return checkTransition(app, action, actor).ok;
}

/** Returns the application after the transition, or throws a `TransitionError` carrying the code. */
export function assertTransition(
  app: ApplicationSnapshot,
  action: ApplicationAction,
  actor: Actor,
): ApplicationSnapshot {
  const result = checkTransition(app, action, actor);
  if (!result.ok) throw new TransitionError(result.code, result.message, action, app.status);
  return result.next;
}

/** The buttons to show this actor, in the order of `ApplicationAction`. */
export function availableActions(app: ApplicationSnapshot, actor: Actor): ApplicationAction[] {
  return Object.values(ApplicationAction).filter((action) => canTransition(app, action, actor));
}
