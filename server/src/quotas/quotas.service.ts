import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type QuotaAllocation, type QuotaView } from '@pass/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { jurisdictionPattern } from '../common/jurisdiction.js';
import { writeLock } from '../database/locks.js';
import { QuotaAllocationEntity } from './quota-allocation.entity.js';

const toView = (q: QuotaAllocationEntity): QuotaView => ({
  jurisdictionCode: q.jurisdictionCode,
  period: q.period,
  amount: q.amount,
  used: q.used,
  left: q.amount - q.used,
});

/** Admins allocate; issuance consumes with a guarded update (see IssuanceService). */
@Injectable()
export class QuotasService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async allocate(actor: RequestActor, allocation: QuotaAllocation): Promise<QuotaView> {
    return this.dataSource.transaction(async (manager) => {
      const where = { jurisdictionCode: allocation.jurisdictionCode, period: allocation.period };
      const existing = await manager.findOne(QuotaAllocationEntity, {
        where,
        lock: writeLock(manager),
      });
      if (existing && allocation.amount < existing.used) {
        throw new DomainException(ErrorCode.ValidationFailed, `配额不能少于本期已签发的${existing.used}张`);
      }
      const saved = await manager.save(
        existing
          ? Object.assign(existing, { amount: allocation.amount })
          : manager.create(QuotaAllocationEntity, { ...where, amount: allocation.amount, used: 0 }),
      );
      await this.audit.record(manager, actor, {
        action: 'quota.allocate',
        entityType: 'quota',
        entityId: saved.id,
        before: existing ? { amount: existing.amount } : null,
        after: { ...where, amount: allocation.amount },
      });
      return toView(saved);
    });
  }

  /**
   * Takes one pass from a jurisdiction's allocation for a period, in the issuing transaction. The guarded
   * UPDATE is atomic in the database, so concurrent approvals on any number of servers cannot overdraw it.
   */
  async consume(manager: EntityManager, jurisdictionCode: string, period: string): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(QuotaAllocationEntity)
      .set({ used: () => 'used + 1', updatedAt: new Date() })
      .where('jurisdiction_code = :jurisdictionCode AND period = :period AND used < amount', {
        jurisdictionCode,
        period,
      })
      .execute();
    if (result.affected !== 1) {
      throw new DomainException(ErrorCode.QuotaExceeded, `本辖区${period}期间的通行证配额已用完或未分配`);
    }
  }

  /** Gives one pass back (a pass revoked before its first day), in the revoking transaction. */
  async refund(manager: EntityManager, jurisdictionCode: string, period: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(QuotaAllocationEntity)
      .set({ used: () => 'used - 1', updatedAt: new Date() })
      .where('jurisdiction_code = :jurisdictionCode AND period = :period AND used > 0', { jurisdictionCode, period })
      .execute();
  }

  /** What is left of a jurisdiction's quota for a period; none allocated means none left. */
  async left(jurisdictionCode: string, period: string): Promise<number> {
    const allocation = await this.dataSource
      .getRepository(QuotaAllocationEntity)
      .findOneBy({ jurisdictionCode, period });
    return allocation ? allocation.amount - allocation.used : 0;
  }

  /** The latest 100 allocations in a jurisdiction's scope (all when it is null), newest period first. */
  async allocationsIn(jurisdictionCode: string | null): Promise<QuotaAllocationEntity[]> {
    const query = this.dataSource.getRepository(QuotaAllocationEntity).createQueryBuilder('q');
    if (jurisdictionCode !== null) {
      query.where('q.jurisdiction_code LIKE :prefix', { prefix: jurisdictionPattern(jurisdictionCode) });
    }
    return query.orderBy('q.period', 'DESC').take(100).getMany();
  }

  async list(period?: string): Promise<QuotaView[]> {
    const rows = await this.dataSource
      .getRepository(QuotaAllocationEntity)
      .find({ where: period ? { period } : {}, order: { period: 'DESC', jurisdictionCode: 'ASC' }, take: 1000 });
    return rows.map(toView);
  }
}
