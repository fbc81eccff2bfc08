import { Controller } from '@nestjs/common';
import { sanctionRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { SanctionsService } from './sanctions.service.js';

/** Admins keep the blacklist and suspend enterprises (熔断). */
@Controller()
export class SanctionsController extends ServiceRoutes(SanctionsService, sanctionRoutes, {
  blacklist: (sanctions, { actor, input }) => sanctions.addToBlacklist(actor, input),
  blacklistEntries: (sanctions) => sanctions.list(),
  liftBlacklist: (sanctions, { actor, id }) => sanctions.lift(actor, id),
  suspensions: (sanctions) => sanctions.suspensions(),
  suspend: (sanctions, { actor, input }) => sanctions.suspend(actor, input),
  liftSuspension: (sanctions, { actor, id }) => sanctions.liftSuspension(actor, id),
}) {}
