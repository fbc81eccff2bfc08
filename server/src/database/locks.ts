import type { EntityManager } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` where the database has row locks. SQLite has none (and TypeORM refuses the
 * option there); its single writer already serialises transactions.
 */
export function writeLock(manager: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return manager.connection.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
}
