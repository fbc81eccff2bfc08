import { Inject, Injectable } from '@nestjs/common';
import type { Statistics } from '@pass/shared';
import {
  addDays,
  chinaDateTime,
  chinaToday,
  coveredRegionCodes,
  ErrorCode,
  findMaterialCategory,
  passStatusNames,
  Role,
  regionFullName,
} from '@pass/shared';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { PassEntity } from '../passes/pass.entity.js';
import { effectiveStatus } from '../passes/pass.view.js';
import { jurisdictionPrefix } from '../passes/passes.service.js';
import { QuotaAllocationEntity } from '../quotas/quota-allocation.entity.js';
import { SettingsService } from '../settings/settings.service.js';
import { csvCell } from './csv-cell.js';

/** Figures for officials (their jurisdiction) and admins (everything), by China date. */
@Injectable()
export class StatsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async statistics(actor: RequestActor, from?: string, to?: string): Promise<Statistics> {
    const range = this.range(from, to);
    const chinaDate = this.chinaDateExpression('p.issued_at');
    const perDay: { date: string; count: string | number }[] = await this.scopedPasses(actor, range)
      .select(`${chinaDate}`, 'date')
      .addSelect('COUNT(*)', 'count')
      .groupBy(chinaDate)
      .orderBy(chinaDate)
      .getRawMany();
    const perCategory: { category: string; count: string | number }[] = await this.scopedPasses(actor, range)
      .select('p.material_category', 'category')
      .addSelect('COUNT(*)', 'count')
      .groupBy('p.material_category')
      .getRawMany();

    const applications = this.dataSource
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.current_level IS NOT NULL');
    if (actor.role === Role.Official) {
      applications.andWhere('a.current_jurisdiction LIKE :prefix', {
        prefix: `${jurisdictionPrefix(actor.jurisdictionCode ?? '')}%`,
      });
    }
    const [waiting, overdue] = await Promise.all([
      applications.clone().getCount(),
      applications.clone().andWhere('a.due_at < :now', { now: new Date() }).getCount(),
    ]);

    const quotas = this.dataSource.getRepository(QuotaAllocationEntity).createQueryBuilder('q');
    if (actor.role === Role.Official) {
      quotas.where('q.jurisdiction_code LIKE :prefix', {
        prefix: `${jurisdictionPrefix(actor.jurisdictionCode ?? '')}%`,
      });
    }
    // Allocations do nothing while quotas are off: showing them would contradict the home's 不限.
    const quotaEnabled = (await this.settings.current()).quota.enabled;
    const quota = quotaEnabled ? await quotas.orderBy('q.period', 'DESC').take(100).getMany() : [];

    return {
      ...range,
      issuedPerDay: perDay.map((r) => ({ date: String(r.date).slice(0, 10), count: Number(r.count) })),
      issuedPerCategory: perCategory.map((r) => ({
        category: r.category,
        name: findMaterialCategory(r.category)?.name ?? r.category,
        count: Number(r.count),
      })),
      waiting,
      overdue,
      quotaEnabled,
      quota: quota.map((q) => ({
        jurisdictionCode: q.jurisdictionCode,
        period: q.period,
        amount: q.amount,
        used: q.used,
      })),
    };
  }

  /** The passes issued in the range, one CSV line each, for spreadsheets (UTF-8 with BOM for Excel). */
  async issuedCsv(actor: RequestActor, from?: string, to?: string): Promise<string> {
    const passes = await this.scopedPasses(actor, this.range(from, to))
      .orderBy('p.issued_at', 'ASC')
      .take(100_000)
      .getMany();
    const header = [
      '证件编号',
      '签发时间（北京时间）',
      '车牌号码',
      '企业',
      '物资类别',
      '始发地',
      '目的地',
      '有效期起',
      '有效期止',
      '状态',
      '核发单位',
    ];
    const lines = passes.map((p) =>
      [
        p.passNumber,
        chinaDateTime(p.issuedAt),
        p.plate,
        p.enterpriseName,
        findMaterialCategory(p.materialCategory)?.name ?? p.materialCategory,
        regionFullName(p.originCode) ?? p.originCode,
        regionFullName(p.destinationCode) ?? p.destinationCode,
        p.validFrom,
        p.validTo,
        passStatusNames[effectiveStatus(p)],
        p.issuingDepartment,
      ]
        .map(csvCell)
        .join(','),
    );
    return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
  }

  private scopedPasses(actor: RequestActor, range: { from: string; to: string }): SelectQueryBuilder<PassEntity> {
    const query = this.dataSource
      .getRepository(PassEntity)
      .createQueryBuilder('p')
      // China dates: [from 00:00 +08:00, to+1 00:00 +08:00).
      .where('p.issued_at >= :start AND p.issued_at < :end', {
        start: new Date(`${range.from}T00:00:00+08:00`),
        end: new Date(`${addDays(range.to, 1)}T00:00:00+08:00`),
      });
    if (actor.role === Role.Official) {
      const jurisdiction = actor.jurisdictionCode ?? '';
      if (jurisdiction.endsWith('0000')) {
        // A province is every pass its deployment holds: the date range on idx_passes_issued decides.
        const prefix = `${jurisdictionPrefix(jurisdiction)}%`;
        query.andWhere('(p.routing_county LIKE :prefix OR p.issuer_code LIKE :prefix)', { prefix });
      } else {
        // Equalities, not LIKE: each covered code's range of idx_passes_routing and idx_passes_issuer is
        // cut to the dates (index merge), instead of every pass the jurisdiction ever had.
        const codes = coveredRegionCodes(jurisdiction);
        query.andWhere('(p.routing_county IN (:...codes) OR p.issuer_code IN (:...codes))', { codes });
      }
    }
    return query;
  }

  private range(from?: string, to?: string): { from: string; to: string } {
    const end = to ?? chinaToday();
    const start = from ?? addDays(end, -29);
    const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
    if (!isDate(start) || !isDate(end) || start > end) {
      throw new DomainException(ErrorCode.ValidationFailed, '统计日期范围无效（YYYY-MM-DD，起不晚于止）');
    }
    return { from: start, to: end };
  }

  private chinaDateExpression(column: string): string {
    return this.dataSource.options.type === 'better-sqlite3'
      ? `date(${column}, '+8 hours')`
      : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
  }
}
