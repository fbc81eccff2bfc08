import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CheckpointView } from '@pass/shared';
import { type CheckpointRequest, checkpointSchema, checkpointViewSchema, Role, z } from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { CheckpointsService } from './checkpoints.service.js';

/** The admin keeps the checkpoints; the list is also for the staff posted there and for officials. */
@ApiTags('checkpoints')
@Roles(Role.Admin)
@Controller()
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointsService) {}

  @Route.get('checkpoints', {
    summary: '卡口列表',
    roles: [Role.CheckpointStaff, Role.Official, Role.Admin],
    response: z.array(checkpointViewSchema),
  })
  list(): Promise<CheckpointView[]> {
    return this.checkpoints.list();
  }

  @Route.post('admin/checkpoints', {
    summary: '新增卡口（含位置，用于克隆检测）',
    response: checkpointViewSchema,
    body: checkpointSchema,
  })
  create(@CurrentActor() actor: RequestActor, @Input() body: CheckpointRequest): Promise<CheckpointView> {
    return this.checkpoints.create(actor, body);
  }

  @Route.put('admin/checkpoints/:id', {
    summary: '修改卡口（编号、名称、所在地区、坐标）',
    response: checkpointViewSchema,
    body: checkpointSchema,
  })
  update(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: CheckpointRequest) {
    return this.checkpoints.update(actor, id, body);
  }

  @Route.action('admin/checkpoints/:id/retire', {
    summary: '停用卡口（保留其查验记录）',
    response: checkpointViewSchema,
  })
  retire(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<CheckpointView> {
    return this.checkpoints.setRetired(actor, id, true);
  }

  @Route.action('admin/checkpoints/:id/reinstate', {
    summary: '恢复已停用的卡口',
    response: checkpointViewSchema,
  })
  reinstate(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<CheckpointView> {
    return this.checkpoints.setRetired(actor, id, false);
  }
}
