import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { writeLock } from '../database/locks.js';
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
