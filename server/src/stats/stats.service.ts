import { Injectable } from '@nestjs/common';
import type { Statistics } from '@pass/shared';
import {
  addDays,
  chinaDateTime,
  chinaToday,
  ErrorCode,
  findMaterialCategory,
  passStatusNames,
  Role,
  regionFullName,
} from '@pass/shared';
import { ApplicationsService } from '../applications/applications.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { effectiveStatus } from '../passes/pass.view.js';
import { PassesService } from '../passes/passes.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { csvCell } from './csv-cell.js';

/** An official sees the figures of their jurisdiction, an admin everything. */
const scopeOf = (actor: RequestActor): string | null =>
  actor.role === Role.Official ? (actor.jurisdictionCode ?? '') : null;

/** Figures for officials (their jurisdiction) and admins (everything), by China date. */
@Injectable()
export class StatsService {
  constructor(
    private readonly settings: SettingsService,
    private readonly passes: PassesService,
    private readonly applications: ApplicationsService,
    private readonly quotas: QuotasService,
  ) {}

  async statistics(actor: RequestActor, from?: string, to?: string): Promise<Statistics> {
    const range = this.range(from, to);
    const scope = scopeOf(actor);
    // Independent reads, side by side (each on its own pooled connection): the page waits for the
    // slowest, not for their sum. Days that are over come from their kept counts, today from the passes
    // (see IssuedDayCounts).
    const [{ perDay, perCategory }, { waiting, overdue }, quotaEnabled] = await Promise.all([
      this.passes.issuedCounts(range, scope),
      this.applications.awaitingDecision(scope),
      this.settings.current().then((settings) => settings.quota.enabled),
    ]);
    // Allocations do nothing while quotas are off: showing them would contradict the home's 不限.
    const quota = quotaEnabled ? await this.quotas.allocationsIn(scope) : [];

    return {
      ...range,
      issuedPerDay: perDay,
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
    const passes = await this.passes
      .issuedIn(this.range(from, to), scopeOf(actor))
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

  private range(from?: string, to?: string): { from: string; to: string } {
    const end = to ?? chinaToday();
    const start = from ?? addDays(end, -29);
    const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
    if (!isDate(start) || !isDate(end) || start > end) {
      throw new DomainException(ErrorCode.ValidationFailed, '统计日期范围无效（YYYY-MM-DD，起不晚于止）');
    }
    return { from: start, to: end };
  }
}
