import { chinaToday } from '../dates.js';
import { ErrorCode } from '../error-codes.js';
import { jurisdictionCovers } from '../validation/region.js';
import type { Actor, ActorRole } from './actor.js';
import { type TransitionCheck, TransitionError } from './transition-error.js';

/**
 * The life of an issued pass. Every state but `active` is final: lost passes are not reissued, a
 * revoked one is not restored; the applicant applies again. A pass whose validity has not begun is
 * still `active`; whether it is valid on a given day is `passValidityOn`'s question.
 */
export const PassStatus = {
  Active: 'active',
  Expired: 'expired',
  Revoked: 'revoked',
  /** Replaced by a newer pass for the same vehicle (provinces with `autoSupersede`). */
  Superseded: 'superseded',
} as const;

export type PassStatus = (typeof PassStatus)[keyof typeof PassStatus];

export const passStatusNames: Record<PassStatus, string> = {
  active: '有效',
  expired: '已过期',
  revoked: '已撤销',
  superseded: '已被新证替代',
};

export const PassAction = {
  Revoke: 'revoke',
  Expire: 'expire',
  Supersede: 'supersede',
} as const;

export type PassAction = (typeof PassAction)[keyof typeof PassAction];

export const passActionNames: Record<PassAction, string> = {
  revoke: '撤销',
  expire: '到期失效',
  supersede: '由新证替代',
};

export const passTransitions: Readonly<
  Record<PassAction, { from: readonly PassStatus[]; roles: readonly ActorRole[]; to: PassStatus }>
> = {
  revoke: { from: ['active'], roles: ['official', 'admin'], to: 'revoked' },
  expire: { from: ['active'], roles: ['system'], to: 'expired' },
  supersede: { from: ['active'], roles: ['system'], to: 'superseded' },
};

export interface PassSnapshot {
  status: PassStatus;
  /** Division code of the issuing authority: the first six digits of the pass number. */
  issuerCode: string;
  /** The county the application was routed to: its officials reviewed it first. */
  routingCounty: string;
  validFrom: string;
  validTo: string;
}

export interface PassTransitionOptions {
  /** `YYYY-MM-DD`; defaults to today in China. */
  today?: string;
}

const refuse = (code: ErrorCode, message: string) => ({ ok: false, code, message }) as const;

export function checkPassTransition(
  pass: PassSnapshot,
  action: PassAction,
  actor: Actor,
  options: PassTransitionOptions = {},
): TransitionCheck<PassSnapshot> {
  const rule = passTransitions[action];
  if (!rule.roles.includes(actor.role)) return refuse(ErrorCode.Forbidden, '您的角色不能进行此操作');
  if (!rule.from.includes(pass.status)) {
    return refuse(ErrorCode.InvalidTransition, `通行证${passStatusNames[pass.status]}，不能${passActionNames[action]}`);
  }
  if (actor.role === 'official' && !officialOfPass(actor.jurisdictionCode, pass)) {
    return refuse(ErrorCode.NotInJurisdiction, '只能撤销本辖区审核或核发的通行证');
  }
  if (action === 'expire' && (options.today ?? chinaToday()) <= pass.validTo) {
    return refuse(ErrorCode.InvalidTransition, '通行证尚未到期');
  }
  return { ok: true, next: { ...pass, status: rule.to } };
}

/**
 * The officials of the chain that produced the pass: those of the jurisdiction that reviewed it (the
 * county it was routed to, or a city or province above it) and those of the one that issued it.
 */
function officialOfPass(jurisdictionCode: string | null | undefined, pass: PassSnapshot): boolean {
  if (!jurisdictionCode) return false;
  return (
    jurisdictionCovers(jurisdictionCode, pass.routingCounty) || jurisdictionCovers(jurisdictionCode, pass.issuerCode)
  );
}

export function canPassTransition(
  pass: PassSnapshot,
  action: PassAction,
  actor: Actor,
  options?: PassTransitionOptions,
) {
  return checkPassTransition(pass, action, actor, options).ok;
}

export function assertPassTransition(
  pass: PassSnapshot,
  action: PassAction,
  actor: Actor,
  options?: PassTransitionOptions,
): PassSnapshot {
  const result = checkPassTransition(pass, action, actor, options);
  if (!result.ok) throw new TransitionError(result.code, result.message, action, pass.status);
  return result.next;
}

export function availablePassActions(pass: PassSnapshot, actor: Actor, options?: PassTransitionOptions): PassAction[] {
  return Object.values(PassAction).filter((action) => canPassTransition(pass, action, actor, options));
}

/** What a pass means on a given day, status and dates together: what a checkpoint needs to know. */
export type PassValidity = 'valid' | 'not_yet_valid' | 'expired' | 'revoked' | 'superseded';

export function passValidityOn(
  pass: Pick<PassSnapshot, 'status' | 'validFrom' | 'validTo'>,
  day: string,
): PassValidity {
  if (pass.status !== 'active') return pass.status;
  if (day < pass.validFrom) return 'not_yet_valid';
  if (day > pass.validTo) return 'expired';
  return 'valid';
}
