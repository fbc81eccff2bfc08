import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CheckpointRequest, checkpointSchema, ErrorCode, Role } from '@pass/shared';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation } from '../database/errors.js';
import { CheckpointEntity } from './checkpoint.entity.js';

export interface CheckpointView {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  latitude: number;
  longitude: number;
}

const toView = (c: CheckpointEntity): CheckpointView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  regionCode: c.regionCode,
  latitude: Number(c.latitude),
  longitude: Number(c.longitude),
});

@ApiTags('checkpoints')
@ApiBearerAuth()
@Controller()
export class CheckpointsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('checkpoints')
  @Roles(Role.CheckpointStaff, Role.Official, Role.Admin)
  @ApiOperation({ summary: '卡口列表' })
  async list(): Promise<CheckpointView[]> {
    return (await this.dataSource.getRepository(CheckpointEntity).find({ order: { code: 'ASC' } })).map(toView);
  }

  @Post('admin/checkpoints')
  @Roles(Role.Admin)
  @ApiOperation({ summary: '新增卡口（含位置，用于克隆检测）' })
  @ApiZodBody(checkpointSchema)
  async create(@ZodBody(checkpointSchema) body: CheckpointRequest): Promise<CheckpointView> {
    const repo = this.dataSource.getRepository(CheckpointEntity);
    try {
      return toView(
        await repo.save(
          repo.create({ ...body, latitude: body.latitude.toFixed(6), longitude: body.longitude.toFixed(6) }),
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, '卡口编号已存在');
      throw error;
    }
  }
}
