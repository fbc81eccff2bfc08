import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type Vehicle, type VehicleView, vehicleSchema, vehicleViewSchema, z } from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse } from '../common/api-response.js';
import { VehiclesService } from './vehicles.service.js';

@ApiTags('vehicles')
@ApiBearerAuth()
@Roles(Role.FleetManager)
@Controller('vehicles')
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @Get()
  @ApiOperation({ summary: '本企业登记的车辆' })
  @ApiZodResponse(z.array(vehicleViewSchema))
  list(@CurrentActor() actor: RequestActor): Promise<VehicleView[]> {
    return this.vehicles.list(actor);
  }

  @Post()
  @ApiOperation({ summary: '登记车辆（同一企业同一车牌只登记一次）' })
  @ApiZodBody(vehicleSchema)
  @ApiZodResponse(vehicleViewSchema)
  create(@CurrentActor() actor: RequestActor, @ZodBody(vehicleSchema) body: Vehicle): Promise<VehicleView> {
    return this.vehicles.create(actor, body);
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '车辆详情' })
  @ApiZodResponse(vehicleViewSchema)
  get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<VehicleView> {
    return this.vehicles.get(actor, id);
  }

  @Put(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '修改车辆信息' })
  @ApiZodBody(vehicleSchema)
  @ApiZodResponse(vehicleViewSchema)
  update(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(vehicleSchema) body: Vehicle,
  ): Promise<VehicleView> {
    return this.vehicles.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIdParam()
  @ApiOperation({ summary: '删除未用于申请的车辆' })
  @ApiEmptyResponse()
  remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.vehicles.remove(actor, id);
  }
}
