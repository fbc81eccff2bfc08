import { Controller } from '@nestjs/common';
import { enterpriseRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { EnterprisesService } from './enterprises.service.js';

@Controller()
export class EnterprisesController extends ServiceRoutes(EnterprisesService, enterpriseRoutes, {
  mine: (enterprises, { actor }) => enterprises.own(actor),
  update: (enterprises, { actor, input }) => enterprises.updateOwn(actor, input),
  list: (enterprises, { actor, input }) => enterprises.listForOfficial(actor, input.pending),
  verify: (enterprises, { actor, id }) => enterprises.verify(actor, id),
}) {}
