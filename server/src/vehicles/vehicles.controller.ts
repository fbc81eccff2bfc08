import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role, vehicleSchema, vehicleViewSchema } from '@pass/shared';
import { Roles } from '../auth/auth.decorators.js';
import { RecordRoutes } from '../auth/record-routes.decorators.js';
import { VehiclesService } from './vehicles.service.js';

@ApiTags('vehicles')
@Roles(Role.FleetManager)
@Controller('vehicles')
export class VehiclesController extends RecordRoutes({
  summaries: {
    list: '本企业登记的车辆；可按车牌号码（或其开头）查找',
    create: '登记车辆（同一企业同一车牌只登记一次）',
    get: '车辆详情',
    update: '修改车辆信息',
    remove: '删除未用于申请的车辆',
  },
  input: vehicleSchema,
  view: vehicleViewSchema,
}) {
  constructor(vehicles: VehiclesService) {
    super(vehicles);
  }
}
