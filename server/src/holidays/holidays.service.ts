import { Inject, Injectable } from '@nestjs/common';
import type { CalendarDay, HolidayCalendar } from '@pass/shared';
import { Between, DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { lockGuard } from '../database/lock-guard.js';
import { CalendarDayEntity } from './calendar-day.entity.js';

/** Like the settings: each process re-reads the calendar at most this long after a change elsewhere. */
const recheckMs = 1_000;

const toDay = (row: CalendarDayEntity): CalendarDay => ({ date: row.date, kind: row.kind, name: row.name });

/** The holiday calendar that deadlines count working days by. */
@Injectable()
export class HolidaysService {
  private cached: HolidayCalendar | undefined;
  private loadedAt = 0;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async calendar(): Promise<HolidayCalendar> {
    if (this.cached && Date.now() - this.loadedAt < recheckMs) return this.cached;
    const rows = await this.dataSource.getRepository(CalendarDayEntity).find();
    this.cached = new Map(rows.map((row) => [row.date, row.kind]));
    this.loadedAt = Date.now();
    return this.cached;
  }

  async year(year: number): Promise<CalendarDay[]> {
    const rows = await this.dataSource
      .getRepository(CalendarDayEntity)
      .find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
    return rows.map(toDay);
  }

  /** Replaces a year's special days with the given ones, with an audit entry, in one transaction. */
  async replaceYear(actor: RequestActor, year: number, days: CalendarDay[]): Promise<CalendarDay[]> {
    const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
    await this.dataSource.transaction(async (manager) => {
      // One change of a year at a time, taken first: two deletes of an empty range share its gap lock,
      // and their inserts then deadlock on MariaDB. After it, `before` is what this change replaces.
      await lockGuard(manager, `holidays:${year}`);
      const range = { date: Between(`${year}-01-01`, `${year}-12-31`) };
      const before = (await manager.find(CalendarDayEntity, { where: range, order: { date: 'ASC' } })).map(toDay);
      await manager.delete(CalendarDayEntity, range);
      if (sorted.length) await manager.insert(CalendarDayEntity, sorted);
      await this.audit.record(manager, actor, {
        action: 'holidays.update',
        entityType: 'holidays',
        entityId: String(year),
        before: { days: before },
        after: { days: sorted },
      });
    });
    this.cached = undefined;
    return sorted;
  }
}
