import { Inject, Injectable } from '@nestjs/common';
import type { CheckpointView } from '@pass/shared';
import { type CheckpointRequest, ErrorCode } from '@pass/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { refusingDuplicates } from '../database/errors.js';
import { writeLock } from '../database/locks.js';
import { switchStamp } from '../database/stamps.js';
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

/** The row's columns for a request: coordinates are kept as the fixed six decimals the column holds. */
const columnsOf = (request: CheckpointRequest) => ({
  ...request,
  latitude: request.latitude.toFixed(6),
  longitude: request.longitude.toFixed(6),
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
    return this.writeUnique(async (manager) => {
      const saved = await manager.save(manager.create(CheckpointEntity, columnsOf(request)));
      await this.audit.record(manager, actor, {
        action: 'checkpoint.create',
        entityType: 'checkpoint',
        entityId: saved.id,
        after: { ...request },
      });
      return toView(saved);
    });
  }

  async update(actor: RequestActor, id: string, request: CheckpointRequest): Promise<CheckpointView> {
    return this.writeUnique(async (manager) => {
      const checkpoint = await this.lockedOrMissing(manager, id);
      const before = { ...toView(checkpoint) };
      const saved = await manager.save(Object.assign(checkpoint, columnsOf(request)));
      await this.audit.record(manager, actor, {
        action: 'checkpoint.update',
        entityType: 'checkpoint',
        entityId: id,
        before,
        after: { ...request },
      });
      return toView(saved);
    });
  }

  /** Takes a checkpoint out of service (or back); its scans and history stay. */
  async setRetired(actor: RequestActor, id: string, retired: boolean): Promise<CheckpointView> {
    return this.dataSource.transaction(async (manager) => {
      const checkpoint = await this.lockedOrMissing(manager, id);
      const change = switchStamp(checkpoint, 'retiredAt', retired, 'retired');
      const saved = await manager.save(checkpoint);
      const action = retired ? 'checkpoint.retire' : 'checkpoint.reinstate';
      await this.audit.record(manager, actor, { action, entityType: 'checkpoint', entityId: id, ...change });
      return toView(saved);
    });
  }

  /** A write in one transaction; a checkpoint code already taken is a 409. */
  private writeUnique<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return refusingDuplicates(() => this.dataSource.transaction(work), ErrorCode.Conflict, '卡口编号已存在');
  }

  private async lockedOrMissing(manager: EntityManager, id: string): Promise<CheckpointEntity> {
    const checkpoint = await manager.findOne(CheckpointEntity, { where: { id }, lock: writeLock(manager) });
    if (!checkpoint) throw new DomainException(ErrorCode.NotFound, '卡口不存在');
    return checkpoint;
  }
}
