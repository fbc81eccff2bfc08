import { ReviewLevel } from '@pass/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { isSqlite } from '../database/locks.js';
import type { Statement } from '../database/plain-rows.js';
import { ApplicationEntity } from './application.entity.js';
import { ReviewStepCountEntity } from './review-step-count.entity.js';
import { noDueHour, recountStepCountsSql } from './step-count-sql.js';

export interface StepCounts {
  waiting: number;
  overdue: number;
  escalated: number;
}

/** Where an application is counted: the queue columns of its row. */
export type QueuePlace = Pick<
  ApplicationEntity,
  'currentJurisdiction' | 'currentLevel' | 'escalationJurisdiction' | 'escalationLevel' | 'dueAt'
>;

const hourMs = 3_600_000;
const hourOf = (dueAt: Date | null) => (dueAt ? Math.floor(dueAt.getTime() / hourMs) : noDueHour);

interface CountKey {
  jurisdiction: string;
  level: string;
  side: 'current' | 'escalation';
  dueHour: number;
}

function keysOf(place: QueuePlace): CountKey[] {
  const dueHour = hourOf(place.dueAt);
  const keys: CountKey[] = [];
  if (place.currentJurisdiction && place.currentLevel)
    keys.push({ jurisdiction: place.currentJurisdiction, level: place.currentLevel, side: 'current', dueHour });
  if (place.escalationJurisdiction && place.escalationLevel)
    keys.push({
      jurisdiction: place.escalationJurisdiction,
      level: place.escalationLevel,
      side: 'escalation',
      dueHour,
    });
  return keys;
}

const keyText = (k: CountKey) => `${k.jurisdiction}|${k.level}|${k.side}|${String(k.dueHour).padStart(10, '0')}`;

/**
 * The statements that move an application's counts from where it was to where it is, for the caller
 * to run in its transaction after its update of the application row (the transition runs them last,
 * with the step's other writes, in one round trip: runStatements). Each count changes by an atomic
 * `n = n + d` in an upsert, so two processes lose no update and two transitions creating one count row
 * do not deadlock (an UPDATE that misses locks the gap where the row would be, and two such
 * transitions then deadlocked on their INSERTs); a count back to 0 goes, so that a step's rows stay
 * those of the hours it has applications due in. The rows are changed in one global order (by key), so
 * two transitions lock them in the same order and cannot deadlock over them.
 */
export function stepCountStatements(manager: EntityManager, before: QueuePlace, after: QueuePlace): Statement[] {
  const deltas = new Map<string, { key: CountKey; d: number }>();
  const add = (key: CountKey, d: number) => {
    const text = keyText(key);
    deltas.set(text, { key, d: (deltas.get(text)?.d ?? 0) + d });
  };
  for (const key of keysOf(before)) add(key, -1);
  for (const key of keysOf(after)) add(key, +1);
  const changes = [...deltas.entries()].filter(([, { d }]) => d !== 0).sort(([x], [y]) => (x < y ? -1 : 1));
  const upsert = isSqlite(manager) ? sqliteUpsert : mariadbUpsert;
  return changes.flatMap(([, { key, d }]) => [
    { sql: upsert, params: [...keyValues(key), d, d] },
    { sql: `DELETE FROM review_step_counts WHERE ${keyColumns} AND n = 0`, params: keyValues(key) },
  ]);
}

const keyColumns = 'jurisdiction = ? AND level = ? AND side = ? AND due_hour = ?';
const keyValues = (key: CountKey) => [key.jurisdiction, key.level, key.side, key.dueHour];
const mariadbUpsert = `INSERT INTO review_step_counts (jurisdiction, level, side, due_hour, n) VALUES (?, ?, ?, ?, ?)
  ON DUPLICATE KEY UPDATE n = n + ?`;
const sqliteUpsert = `INSERT INTO review_step_counts (jurisdiction, level, side, due_hour, n) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (jurisdiction, level, side, due_hour) DO UPDATE SET n = n + ?`;

/**
 * A step's counters from its count rows, exact at this instant: waiting is their sum; overdue and
 * escalated are the rows of hours already past plus, for the current hour, the applications due
 * between its start and now, counted from `idx_applications_overdue` / `…_escalation_due` (an hour's
 * worth of index entries at most). So the counts change with time alone as they should, with no job.
 */
export async function readStepCounts(
  dataSource: DataSource,
  jurisdiction: string,
  level: string,
  now: Date,
): Promise<StepCounts> {
  const { current, escalation } = await countsOf(dataSource, now, {
    rows: 'c.jurisdiction = :jurisdiction AND c.level = :level',
    sides: {
      current: {
        rows: "c.side = 'current'",
        applications: 'a.current_jurisdiction = :jurisdiction AND a.current_level = :level',
      },
      escalation: {
        rows: "c.side = 'escalation'",
        applications: 'a.escalation_jurisdiction = :jurisdiction AND a.escalation_level = :level',
      },
    },
    parameters: { jurisdiction, level },
  });
  return { waiting: current.all, overdue: current.due, escalated: escalation.due };
}

/**
 * The applications waiting at any step of a jurisdiction's area (a prefix of codes; everywhere when
 * null), and how many of them are overdue, for the statistics: the same count rows, summed by prefix.
 */
export async function readWaitingIn(
  dataSource: DataSource,
  prefix: string | null,
  now: Date,
): Promise<{ waiting: number; overdue: number }> {
  // Two statements, not countsOf's one: an area's count rows are a range of many steps (all of them for
  // an admin), read apart from the applications so that the plan test judges the index-only count alone.
  const hour = hourOf(now);
  const [sums, dueThisHour] = await Promise.all([
    dataSource
      .getRepository(ReviewStepCountEntity)
      .createQueryBuilder('c')
      .select('SUM(c.n)', 'all')
      .addSelect('SUM(CASE WHEN c.due_hour < :hour THEN c.n ELSE 0 END)', 'past')
      .where(`c.side = 'current'${prefix === null ? '' : ' AND c.jurisdiction LIKE :prefix'}`, { prefix, hour })
      .getRawOne<{ all: string | number | null; past: string | number | null }>(),
    dataSource
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      // Each level an equality, so that `idx_applications_waiting` (current_level, due_at) reads this hour only.
      .where(`a.current_level IN (:...levels)${prefix === null ? '' : ' AND a.current_jurisdiction LIKE :prefix'}`, {
        prefix,
        levels: Object.values(ReviewLevel),
      })
      .andWhere('a.due_at >= :hourStart AND a.due_at < :now', { hourStart: new Date(hour * hourMs), now })
      .getCount(),
  ]);
  return { waiting: Number(sums?.all ?? 0), overdue: Number(sums?.past ?? 0) + dueThisHour };
}

interface CountedSide {
  /** Which of the count rows are this side's. */
  rows: string;
  /** This side's applications, of which those due since this hour began are counted. */
  applications: string;
}

/**
 * Per side, the sum of its count rows and of those already due at `now`: the rows of past hours plus
 * its applications that fell due since this hour began. One statement (the applications counted in
 * scalar subqueries), not two per side: the counters are asked for on every screen of a reviewer, and
 * each statement is a round trip and a query runner's worth of server CPU (issue 18). The tables are
 * quoted with backticks, which MariaDB and SQLite both read.
 */
async function countsOf<Side extends string>(
  dataSource: DataSource,
  now: Date,
  where: { rows: string; sides: Record<Side, CountedSide>; parameters: Record<string, string | string[] | null> },
): Promise<Record<Side, { all: number; due: number }>> {
  const hour = hourOf(now);
  const hourStart = new Date(hour * hourMs);
  const sides = Object.entries<CountedSide>(where.sides);
  const columns = sides.flatMap(([name, side]) => [
    `SUM(CASE WHEN ${side.rows} THEN c.n ELSE 0 END) AS ${name}_all`,
    `SUM(CASE WHEN ${side.rows} AND c.due_hour < :hour THEN c.n ELSE 0 END) AS ${name}_past`,
    `(SELECT COUNT(*) FROM \`applications\` a WHERE ${side.applications} AND a.due_at >= :hourStart AND a.due_at < :now) AS ${name}_due`,
  ]);
  const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
    `SELECT ${columns.join(', ')} FROM \`review_step_counts\` c WHERE ${where.rows}`,
    { ...where.parameters, hour, hourStart, now },
  );
  // No GROUP BY: always one row, its sums NULL when the step has no rows.
  const [row] = (await dataSource.query(sql, parameters)) as Record<string, string | number | null>[];
  const counts = {} as Record<Side, { all: number; due: number }>;
  for (const [name] of sides) {
    counts[name as Side] = {
      all: Number(row?.[`${name}_all`] ?? 0),
      due: Number(row?.[`${name}_past`] ?? 0) + Number(row?.[`${name}_due`] ?? 0),
    };
  }
  return counts;
}

/** Counts every step again from the applications (after writing applications other than by a transition). */
export async function recountStepCounts(manager: EntityManager): Promise<void> {
  for (const sql of recountStepCountsSql(manager.connection.options.type)) await manager.query(sql);
}
