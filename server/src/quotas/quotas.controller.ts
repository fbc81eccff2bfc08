import { Controller } from '@nestjs/common';
import { quotaRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { QuotasService } from './quotas.service.js';

/** Admins allocate pass quotas per jurisdiction and period. */
@Controller()
export class QuotasController extends ServiceRoutes(QuotasService, quotaRoutes, {
  allocate: (quotas, { actor, input }) => quotas.allocate(actor, input),
  quotaList: (quotas, { input }) => quotas.list(input.period),
}) {}
