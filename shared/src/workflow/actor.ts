import type { Role } from '../roles.js';

/** The scheduler and other jobs act as `system`; only they expire and supersede passes. */
export const SystemRole = 'system';

export type ActorRole = Role | typeof SystemRole;

/** Who attempts a transition: the facts of an account the guards need, nothing more. */
export interface UserActor {
  role: Role;
  id: string;
  /** Fleet managers: the enterprise they act for. */
  enterpriseId?: string | null;
  /** Officials: GB/T 2260 code of their jurisdiction. */
  jurisdictionCode?: string | null;
  /** Officials: the level of the approval chain they act at (a `ReviewLevel`). */
  reviewLevel?: string | null;
}

export interface SystemActor {
  role: typeof SystemRole;
}

export type Actor = UserActor | SystemActor;

export const systemActor: SystemActor = { role: SystemRole };
