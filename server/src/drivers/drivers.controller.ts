import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Driver,
  type DriverIdNumber,
  type DriverView,
  driverIdNumberSchema,
  driverSchema,
  driverViewSchema,
  type RegisterListQuery,
  Role,
  registerListQuerySchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Route } from '../auth/route.decorators.js';
import { IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { DriversService } from './drivers.service.js';

@ApiTags('drivers')
@Roles(Role.FleetManager)
@Controller('drivers')
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @Route.get({
    summary: '本企业登记的司乘人员（身份证号码脱敏）；可按姓名开头查找',
    response: z.array(driverViewSchema),
  })
  list(
    @CurrentActor() actor: RequestActor,
    @ZodQuery(registerListQuerySchema) query: RegisterListQuery,
  ): Promise<DriverView[]> {
    return this.drivers.list(actor, query.q);
  }

  @Route.post({ summary: '登记司乘人员（同一企业同一身份证号码只登记一次）', response: driverViewSchema })
  create(@CurrentActor() actor: RequestActor, @ZodBody(driverSchema) body: Driver): Promise<DriverView> {
    return this.drivers.create(actor, body);
  }

  @Route.get(':id', { summary: '司乘人员详情（身份证号码脱敏）', response: driverViewSchema })
  get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<DriverView> {
    return this.drivers.get(actor, id);
  }

  @Route.get(':id/id-number', {
    summary: '完整身份证号码（仅本企业车队管理员，用于核对证件）',
    response: driverIdNumberSchema,
  })
  revealIdNumber(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<DriverIdNumber> {
    return this.drivers.revealIdNumber(actor, id);
  }

  @Route.put(':id', { summary: '修改司乘人员信息', response: driverViewSchema })
  update(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(driverSchema) body: Driver,
  ): Promise<DriverView> {
    return this.drivers.update(actor, id, body);
  }

  @Route.delete(':id', { summary: '删除未用于申请的司乘人员', status: 204 })
  remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.drivers.remove(actor, id);
  }
}
