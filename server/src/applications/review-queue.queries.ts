import { Inject, Injectable } from '@nestjs/common';
import type { QueueCursor, SearchTerm } from '@pass/shared';
import { DataSource } from 'typeorm';
import { sqlDateTime } from '../common/sql-dates.js';
import {
  type Branch,
  branchSql,
  compareIds,
  inOrderOf,
  mergeBranches,
  runBranches,
} from '../database/ordered-branches.js';
import { ApplicationEntity } from './application.entity.js';
import { readStepCounts, type StepCounts } from './step-counts.js';

/** A review step: the jurisdiction and level whose officials decide there. */
export interface ReviewStepScope {
  jurisdiction: string;
  level: string;
}

export interface QueueFilter {
  category?: string;
  overdueOnly: boolean;
  whitelistFirst: boolean;
  /** Decoded and validated by the query schema. */
  cursor?: QueueCursor;
  limit: number;
  /** A plate, pass number, credit code or enterprise name searched. */
  q?: SearchTerm;
}

/**
 * What a search in the queue stands for, resolved by the caller from the other modules: the vehicles
 * of a plate or of a pass (the same truck's applications), or the enterprises of a credit code or of a
 * name's beginning (a few at most).
 */
export interface QueueSearch {
  column: 'vehicle' | 'enterprise';
  values: string[];
}

/** An application in a review queue as the applications table holds it (the reviews module adds names). */
export interface QueueRow {
  id: string;
  status: string;
  category: string;
  submittedAt: string | Date;
  dueAt: string | Date | null;
  whitelisted: number | boolean | string;
  /** The region code of the province whose recognised whitelist gave the priority; null when ours. */
  whitelistSource: string | null;
  currentLevel: string;
  currentJurisdiction: string;
  validFrom: string | Date;
  validTo: string | Date;
  enterpriseId: string;
  vehicleId: string | null;
}

interface RawQueueKey {
  id: string;
  submittedAt: string | Date;
  whitelisted: number | boolean | string;
}

/** The queries behind the officials' review queue and counters, over the applications table alone. */
@Injectable()
export class ReviewQueueQueries {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Applications awaiting a step, plus those overdue one step below (escalated), oldest first;
   * whitelisted enterprises first when asked: `filter.limit + 1` rows in page order, keyset-paginated on
   * (whitelisted, submitted_at, id). First the page's keys: four index-ordered, limited branches (this
   * step's and the escalated, each for whitelisted and not), merged here. Then those rows only. The
   * enterprise and vehicle are the caller's to add: a join inside the branches lets MySQL start from
   * `enterprises` and walk every application (110 s at a million rows, docs/scaling.md §6.1).
   */
  async page(
    { jurisdiction, level }: ReviewStepScope,
    filter: QueueFilter,
    now: Date,
    search?: QueueSearch,
  ): Promise<QueueRow[]> {
    if (search?.values.length === 0) return [];
    const keys = mergeBranches(
      await runBranches<RawQueueKey>(this.dataSource, this.branches(jurisdiction, level, filter, now, search)),
      (x, y) => compareQueueKeys(x, y, filter.whitelistFirst),
      filter.limit + 1,
    );
    const ids = keys.map((k) => k.id);
    if (ids.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .select(['a.id AS id', 'a.status AS status', 'a.material_category AS category'])
      .addSelect(['a.submitted_at AS submittedAt', 'a.due_at AS dueAt', 'a.whitelisted AS whitelisted'])
      .addSelect('a.whitelist_source AS whitelistSource')
      .addSelect(['a.current_level AS currentLevel', 'a.current_jurisdiction AS currentJurisdiction'])
      .addSelect(['a.valid_from AS validFrom', 'a.valid_to AS validTo'])
      .addSelect(['a.enterprise_id AS enterpriseId', 'a.vehicle_id AS vehicleId'])
      .where('a.id IN (:...ids)', { ids })
      .getRawMany<QueueRow>();
    return inOrderOf(ids, rows);
  }

  /**
   * The queue's branches, each answered in order from one index: this step's
   * (`idx_applications_queue_whitelist`, or `…_queue_category` with a category) and the escalated
   * (`idx_applications_escalation_whitelist`, or `…_escalation_category`), each for whitelisted = 1
   * and = 0. The cursor's condition goes into each; a branch wholly before the cursor is left out.
   * A search adds the vehicle or enterprise to each, one branch per one searched, on
   * `idx_applications_queue_vehicle` (`…_enterprise`) and `idx_applications_escalation_vehicle` (…).
   */
  private branches(
    jurisdiction: string,
    level: string,
    filter: QueueFilter,
    now: Date,
    search?: QueueSearch,
  ): Branch[] {
    const indexOf = (scope: 'queue' | 'escalation') =>
      `idx_applications_${scope}_${search?.column ?? (filter.category ? 'category' : 'whitelist')}`;
    const scopes = [
      { where: 'a.current_jurisdiction = :jurisdiction AND a.current_level = :level', index: indexOf('queue') },
      {
        where: 'a.escalation_jurisdiction = :jurisdiction AND a.escalation_level = :level AND a.due_at < :now',
        index: indexOf('escalation'),
      },
    ];
    const branches: Branch[] = [];
    for (const scope of scopes) {
      for (const [w, key] of [1, 0].flatMap((w) => (search?.values ?? [null]).map((key) => [w, key] as const))) {
        const cursor = filter.cursor;
        // Whitelisted first: whitelisted rows all come before the others, so a cursor among the others
        // leaves no whitelisted row to show, and one among the whitelisted keeps every other row.
        if (filter.whitelistFirst && cursor && w > cursor.w) continue;
        const keyset = cursor !== undefined && !(filter.whitelistFirst && w < cursor.w);
        const column = search?.column ?? null;
        const shape = JSON.stringify([
          'queue',
          scope.where,
          scope.index,
          column,
          Boolean(filter.category),
          filter.overdueOnly,
          keyset,
          filter.limit,
        ]);
        const sql = branchSql(this.dataSource, shape, () => {
          const query = this.dataSource
            .getRepository(ApplicationEntity)
            .createQueryBuilder('a')
            .select('a.id', 'id')
            .addSelect('a.submitted_at', 'submittedAt')
            .addSelect('a.whitelisted', 'whitelisted')
            // MySQL only (TypeORM leaves it out elsewhere): with `due_at < now` it may otherwise range over
            // every overdue row by `idx_applications_escalation_due` and sort them all.
            .useIndex(scope.index)
            .where(scope.where)
            .andWhere('a.whitelisted = :w');
          if (column) query.andWhere(`a.${column}_id = :key`);
          if (filter.category) query.andWhere('a.material_category = :category');
          if (filter.overdueOnly) query.andWhere('a.due_at < :now');
          if (keyset) query.andWhere('(a.submitted_at > :t OR (a.submitted_at = :t AND a.id > :id))');
          return query
            .orderBy('a.submitted_at', 'ASC')
            .addOrderBy('a.id', 'ASC')
            .limit(filter.limit + 1)
            .getQuery();
        });
        const parameters = { jurisdiction, level, now, w, key, category: filter.category };
        branches.push({
          sql,
          parameters: keyset && cursor ? { ...parameters, t: new Date(cursor.t), id: cursor.id } : parameters,
        });
      }
    }
    return branches;
  }

  /**
   * How many applications wait at a step, how many of them are overdue, and how many escalated to it:
   * exact, from the count rows each transition keeps (step-counts.ts), not a count of every waiting row.
   */
  counts({ jurisdiction, level }: ReviewStepScope): Promise<StepCounts> {
    return readStepCounts(this.dataSource, jurisdiction, level, new Date());
  }
}

/** The queue's order: (whitelisted first when asked,) oldest submission first, then id. */
function compareQueueKeys(x: RawQueueKey, y: RawQueueKey, whitelistFirst: boolean): number {
  const w = whitelistFirst ? Number(Number(y.whitelisted) > 0) - Number(Number(x.whitelisted) > 0) : 0;
  return w || sqlDateTime(x.submittedAt).getTime() - sqlDateTime(y.submittedAt).getTime() || compareIds(x.id, y.id);
}
