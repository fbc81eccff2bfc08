import { jurisdictionCovers, Role } from '@pass/shared';
import type { RequestActor } from '../auth/auth.decorators.js';

/** What decides who sees a pass: its enterprise, the county that reviewed it first, its issuer. */
export interface PassScope {
  enterpriseId: string;
  routingCounty: string;
  issuerCode: string;
}

/**
 * Whether an account sees a pass: an admin every pass, a fleet manager its enterprise's, an official
 * those its jurisdiction reviewed first or issued. A crew session is asked of pass_crew_members instead.
 */
export function canSeePass(actor: RequestActor, pass: PassScope): boolean {
  switch (actor.role) {
    case Role.Admin:
      return true;
    case Role.FleetManager:
      return pass.enterpriseId === actor.enterpriseId;
    case Role.Official: {
      const jurisdiction = actor.jurisdictionCode ?? '';
      return jurisdictionCovers(jurisdiction, pass.routingCounty) || jurisdictionCovers(jurisdiction, pass.issuerCode);
    }
    default:
      return false;
  }
}
