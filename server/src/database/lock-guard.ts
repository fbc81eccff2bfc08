import type { EntityManager } from 'typeorm';
import { isSqlite } from './locks.js';
import type { Statement } from './plain-rows.js';

/**
 * Locks the guard row `key` until the caller's transaction ends, creating it on first use. On
 * MySQL/MariaDB a duplicate key in INSERT … ON DUPLICATE KEY UPDATE takes an exclusive lock (INSERT
 * IGNORE would take a shared one, and two holders upgrading would deadlock). SQLite needs no lock:
 * its transactions run one at a time (serialiseSqlite).
 */
export async function lockGuard(manager: EntityManager, key: string): Promise<void> {
  const statement = lockGuardStatement(manager, key);
  if (!statement) return;
  if (!manager.queryRunner?.isTransactionActive) throw new Error('lockGuard needs a transaction');
  await manager.query(statement.sql, statement.params);
}

/** lockGuard's statement; none on SQLite. */
function lockGuardStatement(manager: EntityManager, key: string): Statement | null {
  if (isSqlite(manager)) return null;
  return {
    sql: 'INSERT INTO lock_guards (guard_key) VALUES (?) ON DUPLICATE KEY UPDATE guard_key = guard_key',
    params: [key],
  };
}

/**
 * The statement that locks, as lockGuard does, the guard row whose key `select` answers (one column),
 * for a caller that sends it with others in one round trip (runStatements) and has not read the key
 * yet; none on SQLite. Under REPEATABLE READ the SELECT of an INSERT … SELECT reads the latest
 * committed rows and locks them shared: it takes no snapshot.
 */
export function lockSelectedGuardStatement(manager: EntityManager, select: Statement): Statement | null {
  if (isSqlite(manager)) return null;
  return {
    // Qualified: a column of the SELECT may not stand for the guard row's own.
    sql: `INSERT INTO lock_guards (guard_key) ${select.sql} ON DUPLICATE KEY UPDATE lock_guards.guard_key = lock_guards.guard_key`,
    params: select.params,
  };
}
