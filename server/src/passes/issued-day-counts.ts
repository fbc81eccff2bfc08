import { Inject, Injectable } from '@nestjs/common';
import { addDays, chinaToday } from '@pass/shared';
import { Between, DataSource, type SelectQueryBuilder } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { IssuedDayCountEntity, IssuedDayEntity } from './issued-day-count.entity.js';
import { PassEntity } from './pass.entity.js';

/** A scope on a table with `routing_county` and `issuer_code` columns (see PassesService.issuedIn). */
export type IssuedScope = (query: SelectQueryBuilder<object>, alias: string) => void;

export interface IssuedCounts {
  perDay: { date: string; count: number }[];
  perCategory: { category: string; count: number }[];
}

/** A day is written this long after it ends: no transaction that issued on it is still open. */
const graceMs = 10 * 60_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * The passes issued per China date and category in a range, for the statistics: the days that are over
 * from `issued_day_counts` (a few hundred rows a day, instead of every pass: 82,000 in 30 days at a
 * million), written the first time a range needs them (one day's passes, grouped, in one transaction;
 * a second process finds the day written and skips it); today's from the passes themselves.
 */
@Injectable()
export class IssuedDayCounts {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async counts(range: { from: string; to: string }, scope: IssuedScope, now = new Date()): Promise<IssuedCounts> {
    // The last day that is over (with the grace period), within the range.
    let lastClosed = addDays(chinaToday(), -1);
    if (dayStart(addDays(lastClosed, 1)).getTime() + graceMs > now.getTime()) lastClosed = addDays(lastClosed, -1);
    if (lastClosed > range.to) lastClosed = range.to;
    if (lastClosed >= range.from) await this.writeDays(range.from, lastClosed);
    const counted = (select: string, alias: string, group: string) => {
      const query = this.dataSource
        .getRepository(IssuedDayCountEntity)
        .createQueryBuilder('c')
        .select(select, alias)
        .addSelect('SUM(c.n)', 'count')
        .where('c.day >= :from AND c.day <= :to', { from: range.from, to: lastClosed });
      scope(query as SelectQueryBuilder<object>, 'c');
      return query.groupBy(group).getRawMany<Record<string, string | number>>();
    };
    const open = { from: lastClosed < range.from ? range.from : addDays(lastClosed, 1), to: range.to };
    const live = (select: string, alias: string, group: string) => {
      if (open.from > open.to) return Promise.resolve([]);
      const query = this.issued(open).select(select, alias).addSelect('COUNT(*)', 'count');
      scope(query as SelectQueryBuilder<object>, 'p');
      return query.groupBy(group).getRawMany<Record<string, string | number>>();
    };
    const chinaDate = this.chinaDateExpression('p.issued_at');
    const [pastDays, pastCategories, openDays, openCategories] = await Promise.all([
      lastClosed >= range.from ? counted('c.day', 'date', 'c.day') : Promise.resolve([]),
      lastClosed >= range.from ? counted('c.category', 'category', 'c.category') : Promise.resolve([]),
      live(chinaDate, 'date', chinaDate),
      live('p.material_category', 'category', 'p.material_category'),
    ]);
    const sum = (rows: Record<string, string | number>[], key: string) => {
      const totals = new Map<string, number>();
      for (const row of rows) {
        const k = String(row[key]).slice(0, key === 'date' ? 10 : undefined);
        totals.set(k, (totals.get(k) ?? 0) + Number(row.count));
      }
      return totals;
    };
    const perDay = sum([...pastDays, ...openDays], 'date');
    const perCategory = sum([...pastCategories, ...openCategories], 'category');
    return {
      perDay: [...perDay].sort(([x], [y]) => (x < y ? -1 : 1)).map(([date, count]) => ({ date, count })),
      perCategory: [...perCategory]
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([category, count]) => ({ category, count })),
    };
  }

  /** The passes issued in a range of China dates: [from 00:00 +08:00, to+1 00:00 +08:00). */
  issued(range: { from: string; to: string }): SelectQueryBuilder<PassEntity> {
    return this.dataSource
      .getRepository(PassEntity)
      .createQueryBuilder('p')
      .where('p.issued_at >= :start AND p.issued_at < :end', {
        start: dayStart(range.from),
        end: dayStart(addDays(range.to, 1)),
      });
  }

  /** Writes the counts of each day of [from, to] not yet written, a day per transaction. */
  private async writeDays(from: string, to: string): Promise<void> {
    const written = await this.dataSource
      .getRepository(IssuedDayEntity)
      .find({ where: { day: Between(from, to) }, select: { day: true } });
    const done = new Set(written.map((d) => d.day));
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (done.has(day)) continue;
      try {
        await this.dataSource.transaction(async (manager) => {
          // First, so that a second process writing the same day waits here and then finds it written.
          await manager.insert(IssuedDayEntity, { day });
          const rows = await this.issued({ from: day, to: day })
            .select('p.routing_county', 'routingCounty')
            .addSelect('p.issuer_code', 'issuerCode')
            .addSelect('p.material_category', 'category')
            .addSelect('COUNT(*)', 'n')
            .groupBy('p.routing_county')
            .addGroupBy('p.issuer_code')
            .addGroupBy('p.material_category')
            .getRawMany<{ routingCounty: string; issuerCode: string; category: string; n: string | number }>();
          for (let i = 0; i < rows.length; i += 200) {
            await manager.insert(
              IssuedDayCountEntity,
              rows.slice(i, i + 200).map((r) => ({ ...r, day, n: Number(r.n) })),
            );
          }
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  private chinaDateExpression(column: string): string {
    return this.dataSource.options.type === 'better-sqlite3'
      ? `date(${column}, '+8 hours')`
      : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
  }
}
