import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckpointView } from '@pass/shared';
import { type CheckpointRequest, checkpointSchema, Role } from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { CheckpointsService } from './checkpoints.service.js';

@ApiTags('checkpoints')
@ApiBearerAuth()
@Controller()
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Get('checkpoints')
  @Roles(Role.CheckpointStaff, Role.Official, Role.Admin)
  @ApiOperation({ summary: '卡口列表' })
  list(): Promise<CheckpointView[]> {
    return this.checkpoints.list();
  }

  @Post('admin/checkpoints')
  @Roles(Role.Admin)
  @ApiOperation({ summary: '新增卡口（含位置，用于克隆检测）' })
  @ApiZodBody(checkpointSchema)
  create(
    @CurrentActor() actor: RequestActor,
    @ZodBody(checkpointSchema) body: CheckpointRequest,
  ): Promise<CheckpointView> {
    return this.checkpoints.create(actor, body);
  }
}
