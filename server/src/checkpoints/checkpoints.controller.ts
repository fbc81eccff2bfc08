import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckpointView } from '@pass/shared';
import { type CheckpointRequest, checkpointSchema, checkpointViewSchema, Role, z } from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { CheckpointsService } from './checkpoints.service.js';

@ApiTags('checkpoints')
@ApiBearerAuth()
@Controller()
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Get('checkpoints')
  @Roles(Role.CheckpointStaff, Role.Official, Role.Admin)
  @ApiOperation({ summary: '卡口列表' })
  @ApiZodResponse(z.array(checkpointViewSchema))
  list(): Promise<CheckpointView[]> {
    return this.checkpoints.list();
  }

  @Post('admin/checkpoints')
  @Roles(Role.Admin)
  @ApiOperation({ summary: '新增卡口（含位置，用于克隆检测）' })
  @ApiZodBody(checkpointSchema)
  @ApiZodResponse(checkpointViewSchema)
  create(
    @CurrentActor() actor: RequestActor,
    @ZodBody(checkpointSchema) body: CheckpointRequest,
  ): Promise<CheckpointView> {
    return this.checkpoints.create(actor, body);
  }

  @Put('admin/checkpoints/:id')
  @Roles(Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '修改卡口（编号、名称、所在地区、坐标）' })
  @ApiZodBody(checkpointSchema)
  @ApiZodResponse(checkpointViewSchema)
  update(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(checkpointSchema) body: CheckpointRequest,
  ): Promise<CheckpointView> {
    return this.checkpoints.update(actor, id, body);
  }

  @Post('admin/checkpoints/:id/retire')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '停用卡口（保留其查验记录）' })
  @ApiZodResponse(checkpointViewSchema)
  retire(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<CheckpointView> {
    return this.checkpoints.setRetired(actor, id, true);
  }

  @Post('admin/checkpoints/:id/reinstate')
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '恢复已停用的卡口' })
  @ApiZodResponse(checkpointViewSchema)
  reinstate(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<CheckpointView> {
    return this.checkpoints.setRetired(actor, id, false);
  }
}
