import { Inject, Injectable } from '@nestjs/common';
import { And, DataSource, type EntityManager, type FindOptionsWhere, LessThan, MoreThanOrEqual } from 'typeorm';
import type { RequestActor } from '../auth/auth.decorators.js';
import { insertStatement, type Statement } from '../database/plain-rows.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** An entry and who made the change (null: the system), for writing with others (recordAll). */
export interface AuditedChange {
  actor: RequestActor | null;
  entry: AuditRecord;
  at?: Date;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  before?: Date;
  limit: number;
}

/** The append-only audit log; writes join the caller's transaction so a change and its entry commit together. */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, actor: RequestActor | null, entry: AuditRecord): Promise<void> {
    await this.recordAll(manager, [{ actor, entry }]);
  }

  /** Several entries of one transaction in one INSERT, in the order given (`at` when they happened). */
  async recordAll(manager: EntityManager, entries: readonly AuditedChange[]): Promise<void> {
    if (entries.length === 0) return;
    const { sql, params } = this.insertOf(manager, entries);
    await manager.query(sql, params);
  }

  /**
   * recordAll's INSERT, for a caller that runs it with its own writes in one round trip (runStatements).
   * Every change writes here, every approval among them: a plain INSERT (see insertRows for why).
   */
  insertOf(manager: EntityManager, entries: readonly AuditedChange[]): Statement {
    const now = new Date();
    const rows = entries.map(({ actor, entry, at }) =>
      manager.create(AuditEntryEntity, {
        createdAt: at ?? now,
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? 'system',
        actorName: actor?.name ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
      }),
    );
    return insertStatement(manager, AuditEntryEntity, rows);
  }

  find(filter: AuditFilter): Promise<AuditEntryEntity[]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.action) where.action = filter.action;
    const upper = filter.before ?? filter.to;
    if (filter.from && upper) where.createdAt = And(MoreThanOrEqual(filter.from), LessThan(upper));
    else if (filter.from) where.createdAt = MoreThanOrEqual(filter.from);
    else if (upper) where.createdAt = LessThan(upper);
    return this.dataSource
      .getRepository(AuditEntryEntity)
      .find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: filter.limit });
  }
}
