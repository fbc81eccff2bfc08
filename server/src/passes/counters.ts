import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { isSqlite, writeLock } from '../database/locks.js';
import { CounterEntity } from './counter.entity.js';

/**
 * The next value of a gapless sequence, taken inside the caller's transaction: the row stays locked
 * until it commits, and a rollback hands the value out again.
 */
export function nextCounterValue(manager: EntityManager, name: string): Promise<number> {
  return reserveCounterValues(manager, name, 1);
}

/**
 * The first of `count` consecutive values of a sequence, taken as `nextCounterValue` takes one: the
 * row is locked until the caller's transaction commits, so two transactions never get the same values.
 */
export async function reserveCounterValues(manager: EntityManager, name: string, count: number): Promise<number> {
  if (!isSqlite(manager)) {
    // One round trip instead of a locking read and an update: the row is locked by the UPDATE until
    // the caller commits, and LAST_INSERT_ID(expr) hands this connection the value it wrote. The
    // issuer's serial is taken this way while every other approval of the issuer waits for it.
    const moved = (await manager.query(
      'UPDATE counters SET next_value = LAST_INSERT_ID(next_value + ?) WHERE name = ?',
      [count, name],
    )) as { affectedRows: number; insertId: number | string };
    if (moved.affectedRows === 1) return Number(moved.insertId) - count;
  }
  let row = await manager.findOne(CounterEntity, { where: { name }, lock: writeLock(manager) });
  if (!row) {
    try {
      await manager.insert(CounterEntity, { name, nextValue: 1 + count });
      return 1;
    } catch (error) {
      // Another transaction created it first; wait for its lock like everyone else.
      if (!isUniqueViolation(error)) throw error;
      row = await manager.findOneOrFail(CounterEntity, { where: { name }, lock: writeLock(manager) });
    }
  }
  await manager.update(CounterEntity, { name }, { nextValue: row.nextValue + count });
  return row.nextValue;
}
