import { Controller } from '@nestjs/common';
import { type Driver, type DriverView, driverRoutes } from '@pass/shared';
import { recordHandlers } from '../auth/record-routes.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { DriversService } from './drivers.service.js';

@Controller()
export class DriversController extends ServiceRoutes(DriversService, driverRoutes, {
  ...recordHandlers<Driver, DriverView>(),
  revealIdNumber: (drivers, { actor, id }) => drivers.revealIdNumber(actor, id),
}) {}
