import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type DriverIdNumber, driverIdNumberSchema, driverSchema, driverViewSchema, Role } from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { RecordRoutes } from '../auth/record-routes.decorators.js';
import { Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { DriversService } from './drivers.service.js';

@ApiTags('drivers')
@Roles(Role.FleetManager)
@Controller('drivers')
export class DriversController extends RecordRoutes({
  summaries: {
    list: '本企业登记的司乘人员（身份证号码脱敏）；可按姓名开头查找',
    create: '登记司乘人员（同一企业同一身份证号码只登记一次）',
    get: '司乘人员详情（身份证号码脱敏）',
    update: '修改司乘人员信息',
    remove: '删除未用于申请的司乘人员',
  },
  input: driverSchema,
  view: driverViewSchema,
}) {
  constructor(private readonly drivers: DriversService) {
    super(drivers);
  }

  @Route.get(':id/id-number', {
    summary: '完整身份证号码（仅本企业车队管理员，用于核对证件）',
    response: driverIdNumberSchema,
  })
  revealIdNumber(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<DriverIdNumber> {
    return this.drivers.revealIdNumber(actor, id);
  }
}
