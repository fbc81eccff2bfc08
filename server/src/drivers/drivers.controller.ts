import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Driver,
  type DriverView,
  driverIdNumberSchema,
  driverSchema,
  driverViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse } from '../common/api-response.js';
import { DriversService } from './drivers.service.js';

@ApiTags('drivers')
@ApiBearerAuth()
@Roles(Role.FleetManager)
@Controller('drivers')
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @Get()
  @ApiOperation({ summary: '本企业登记的司乘人员（身份证号码脱敏）' })
  @ApiZodResponse(z.array(driverViewSchema))
  list(@CurrentActor() actor: RequestActor): Promise<DriverView[]> {
    return this.drivers.list(actor);
  }

  @Post()
  @ApiOperation({ summary: '登记司乘人员（同一企业同一身份证号码只登记一次）' })
  @ApiZodBody(driverSchema)
  @ApiZodResponse(driverViewSchema)
  create(@CurrentActor() actor: RequestActor, @ZodBody(driverSchema) body: Driver): Promise<DriverView> {
    return this.drivers.create(actor, body);
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '司乘人员详情（身份证号码脱敏）' })
  @ApiZodResponse(driverViewSchema)
  get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<DriverView> {
    return this.drivers.get(actor, id);
  }

  @Get(':id/id-number')
  @ApiIdParam()
  @ApiOperation({ summary: '完整身份证号码（仅本企业车队管理员，用于核对证件）' })
  @ApiZodResponse(driverIdNumberSchema)
  revealIdNumber(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<{ idNumber: string }> {
    return this.drivers.revealIdNumber(actor, id);
  }

  @Put(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '修改司乘人员信息' })
  @ApiZodBody(driverSchema)
  @ApiZodResponse(driverViewSchema)
  update(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(driverSchema) body: Driver,
  ): Promise<DriverView> {
    return this.drivers.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiIdParam()
  @ApiOperation({ summary: '删除未用于申请的司乘人员' })
  @ApiEmptyResponse()
  remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.drivers.remove(actor, id);
  }
}
