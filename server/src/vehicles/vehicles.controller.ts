import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type RegisterListQuery,
  Role,
  registerListQuerySchema,
  type Vehicle,
  type VehicleView,
  vehicleSchema,
  vehicleViewSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Route } from '../auth/route.decorators.js';
import { IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { VehiclesService } from './vehicles.service.js';

@ApiTags('vehicles')
@Roles(Role.FleetManager)
@Controller('vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Route.get({ summary: '本企业登记的车辆；可按车牌号码（或其开头）查找', response: z.array(vehicleViewSchema) })
  list(
    @CurrentActor() actor: RequestActor,
    @ZodQuery(registerListQuerySchema) query: RegisterListQuery,
  ): Promise<VehicleView[]> {
    return this.vehicles.list(actor, query.q);
  }

  @Route.post({ summary: '登记车辆（同一企业同一车牌只登记一次）', response: vehicleViewSchema })
  create(@CurrentActor() actor: RequestActor, @ZodBody(vehicleSchema) body: Vehicle): Promise<VehicleView> {
    return this.vehicles.create(actor, body);
  }

  @Route.get(':id', { summary: '车辆详情', response: vehicleViewSchema })
  get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<VehicleView> {
    return this.vehicles.get(actor, id);
  }

  @Route.put(':id', { summary: '修改车辆信息', response: vehicleViewSchema })
  update(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(vehicleSchema) body: Vehicle,
  ): Promise<VehicleView> {
    return this.vehicles.update(actor, id, body);
  }

  @Route.delete(':id', { summary: '删除未用于申请的车辆', status: 204 })
  remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.vehicles.remove(actor, id);
  }
}
