import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/errors.js';
import { CounterEntity } from './counter.entity.js';

const locks = (manager: EntityManager) =>
  // SQLite has no row locks; its single writer serialises transactions already.
  manager.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const);

/**
 * The next value of a gapless sequence, taken inside the caller's transaction: the row stays locked
 * until it commits, and a rollback hands the value out again.
 */
export async function nextCounterValue(manager: EntityManager, name: string): Promise<number> {
  let row = await manager.findOne(CounterEntity, { where: { name }, lock: locks(manager) });
  if (!row) {
    try {
      await manager.insert(CounterEntity, { name, nextValue: 2 });
      return 1;
    } catch (error) {
      // Another transaction created it first; wait for its lock like everyone else.
      if (!isUniqueViolation(error)) throw error;
      row = await manager.findOneOrFail(CounterEntity, { where: { name }, lock: locks(manager) });
    }
  }
  await manager.update(CounterEntity, { name }, { nextValue: row.nextValue + 1 });
  return row.nextValue;
}
