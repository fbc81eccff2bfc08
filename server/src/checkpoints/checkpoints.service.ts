import { Inject, Injectable } from '@nestjs/common';
import type { CheckpointView } from '@pass/shared';
import { type CheckpointRequest, ErrorCode } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation } from '../database/errors.js';
import { CheckpointEntity } from './checkpoint.entity.js';

const toView = (c: CheckpointEntity): CheckpointView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  regionCode: c.regionCode,
  latitude: Number(c.latitude),
  longitude: Number(c.longitude),
});

@Injectable()
export class CheckpointsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CheckpointView[]> {
    return (await this.dataSource.getRepository(CheckpointEntity).find({ order: { code: 'ASC' } })).map(toView);
  }

  async create(actor: RequestActor, request: CheckpointRequest): Promise<CheckpointView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(CheckpointEntity, {
            ...request,
            latitude: request.latitude.toFixed(6),
            longitude: request.longitude.toFixed(6),
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'checkpoint.create',
          entityType: 'checkpoint',
          entityId: saved.id,
          after: { ...request },
        });
        return toView(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, '卡口编号已存在');
      throw error;
    }
  }
}
