import type { EntityManager } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` where the database has row locks. SQLite has none (and TypeORM refuses the
 * option there); it needs none: serialiseSqlite runs one transaction at a time per process, and
 * `BEGIN IMMEDIATE` takes the database's write lock before the first read across processes.
 */
export function writeLock(manager: EntityManager): { mode: 'pessimistic_write' } | undefined {
  return isSqlite(manager) ? undefined : { mode: 'pessimistic_write' };
}

/**
 * `SELECT … LOCK IN SHARE MODE` where the database has row locks (MySQL and MariaDB alike spell it so):
 * holders read together, a writer waits for all of them. A transaction must not take a row in this
 * mode and later `FOR UPDATE`: two holders upgrading wait for each other (a deadlock).
 */
export function readLock(manager: EntityManager): { mode: 'pessimistic_read' } | undefined {
  return isSqlite(manager) ? undefined : { mode: 'pessimistic_read' };
}

/**
 * The same locks for plain SQL (appended to a `SELECT`): ` FOR UPDATE` (`write`), ` LOCK IN SHARE MODE`
 * (`read`), or nothing on SQLite, for the reasons above.
 */
export function lockClause(manager: EntityManager, mode: 'read' | 'write'): string {
  if (isSqlite(manager)) return '';
  return mode === 'write' ? ' FOR UPDATE' : ' LOCK IN SHARE MODE';
}

export const isSqlite = (manager: EntityManager): boolean => manager.connection.options.type === 'better-sqlite3';
