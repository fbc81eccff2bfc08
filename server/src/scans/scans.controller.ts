import { Controller } from '@nestjs/common';
import { scanRoutes } from '@pass/shared';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { ScansService } from './scans.service.js';

@Controller()
export class ScansController extends ServiceRoutes(ScansService, scanRoutes, {
  upload: (scans, { actor, input }) => scans.upload(actor, input.records),
  trace: (scans, { actor, id }) => scans.trace(actor, id),
  alerts: (scans, { actor, input }) => scans.alerts(actor, input.state),
  resolve: (scans, { actor, id, input }) => scans.resolveAlert(actor, id, input),
}) {}
