import { Inject, Injectable } from '@nestjs/common';
import type { CheckpointView } from '@pass/shared';
import { type CheckpointRequest, ErrorCode } from '@pass/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { isUniqueViolation } from '../database/errors.js';
import { writeLock } from '../database/locks.js';
import { CheckpointEntity } from './checkpoint.entity.js';

const toView = (c: CheckpointEntity): CheckpointView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  regionCode: c.regionCode,
  latitude: Number(c.latitude),
  longitude: Number(c.longitude),
  retired: c.retiredAt !== null && c.retiredAt !== undefined,
});

@Injectable()
export class CheckpointsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Whether staff may be posted there: it exists and is not retired. */
  async inService(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const checkpoint = await manager.findOneBy(CheckpointEntity, { id });
    return checkpoint !== null && !checkpoint.retiredAt;
  }

  /** The checkpoints with these ids, read in the caller's transaction. */
  async viewsById(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, CheckpointView>> {
    const rows = ids.length ? await manager.findBy(CheckpointEntity, { id: In(ids) }) : [];
    return new Map(rows.map((c) => [c.id, toView(c)]));
  }

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

  async update(actor: RequestActor, id: string, request: CheckpointRequest): Promise<CheckpointView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const checkpoint = await manager.findOne(CheckpointEntity, { where: { id }, lock: writeLock(manager) });
        if (!checkpoint) throw new DomainException(ErrorCode.NotFound, '卡口不存在');
        const before = toView(checkpoint);
        Object.assign(checkpoint, {
          ...request,
          latitude: request.latitude.toFixed(6),
          longitude: request.longitude.toFixed(6),
        });
        const saved = await manager.save(checkpoint);
        await this.audit.record(manager, actor, {
          action: 'checkpoint.update',
          entityType: 'checkpoint',
          entityId: id,
          before: { ...before },
          after: { ...request },
        });
        return toView(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, '卡口编号已存在');
      throw error;
    }
  }

  /** Takes a checkpoint out of service (or back); its scans and history stay. */
  async setRetired(actor: RequestActor, id: string, retired: boolean): Promise<CheckpointView> {
    return this.dataSource.transaction(async (manager) => {
      const checkpoint = await manager.findOne(CheckpointEntity, { where: { id }, lock: writeLock(manager) });
      if (!checkpoint) throw new DomainException(ErrorCode.NotFound, '卡口不存在');
      const was = checkpoint.retiredAt !== null;
      checkpoint.retiredAt = retired ? (checkpoint.retiredAt ?? new Date()) : null;
      const saved = await manager.save(checkpoint);
      await this.audit.record(manager, actor, {
        action: retired ? 'checkpoint.retire' : 'checkpoint.reinstate',
        entityType: 'checkpoint',
        entityId: id,
        before: { retired: was },
        after: { retired },
      });
      return toView(saved);
    });
  }
}
