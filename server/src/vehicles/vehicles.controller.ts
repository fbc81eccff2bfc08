import { Controller } from '@nestjs/common';
import { type Vehicle, type VehicleView, vehicleRoutes } from '@pass/shared';
import { recordHandlers } from '../auth/record-routes.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { VehiclesService } from './vehicles.service.js';

@Controller()
export class VehiclesController extends ServiceRoutes(
  VehiclesService,
  vehicleRoutes,
  recordHandlers<Vehicle, VehicleView>(),
) {}
