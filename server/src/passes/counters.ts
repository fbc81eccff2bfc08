import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { isSqlite, writeLock } from '../database/locks.js';
import type { Statement } from '../database/plain-rows.js';
import { runStatements } from '../database/statements.js';
import { CounterEntity } from './counter.entity.js';

/**
 * The next value of a gapless sequence, taken inside the caller's transaction: the row stays locked
 * until it commits, and a rollback hands the value out again. `ahead`: writes of the caller's that do
 * not need the value, run first in the same round trip (runStatements), so that they are done before
 * the row is locked and not while every other taker of the sequence waits for it (an issuer's serial).
 */
export function nextCounterValue(
  manager: EntityManager,
  name: string,
  ahead: readonly Statement[] = [],
): Promise<number> {
  return reserveCounterValues(manager, name, 1, ahead);
}

/**
 * The first of `count` consecutive values of a sequence, taken as `nextCounterValue` takes one: the
 * row is locked until the caller's transaction commits, so two transactions never get the same values.
 */
export async function reserveCounterValues(
  manager: EntityManager,
  name: string,
  count: number,
  ahead: readonly Statement[] = [],
): Promise<number> {
  if (!isSqlite(manager)) {
    // One round trip that creates the row or moves it: the row is locked by it until the caller
    // commits, and LAST_INSERT_ID(expr) hands this connection the value it wrote (affected rows: 1
    // inserted, 2 updated). The issuer's serial is taken this way while every other approval of the
    // issuer waits for it. Not an UPDATE first and an INSERT when it finds no row: the UPDATE that
    // misses locks the gap where the row would be, so two transactions creating one counter (a new
    // issuer's first approvals, arriving together) deadlocked on their INSERTs.
    const [moved] = (
      await runStatements(manager, [
        ...ahead,
        {
          sql: 'INSERT INTO counters (name, next_value) VALUES (?, ?) ON DUPLICATE KEY UPDATE next_value = LAST_INSERT_ID(next_value + ?)',
          params: [name, 1 + count, count],
        },
      ])
    ).slice(-1);
    return moved!.affected === 1 ? 1 : moved!.insertId - count;
  }
  await runStatements(manager, ahead);
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
