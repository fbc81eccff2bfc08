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
  const statement = guardInsert(manager, { sql: 'VALUES (?)', params: [key] });
  if (!statement) return;
  if (!manager.queryRunner?.isTransactionActive) throw new Error('lockGuard needs a transaction');
  await manager.query(statement.sql, statement.params);
}

/**
 * The statement that locks, as lockGuard does, the guard row whose key `select` answers (one column),
 * for a caller that sends it with others in one round trip (runStatements) and has not read the key
 * yet; none on SQLite. Under REPEATABLE READ the SELECT of an INSERT … SELECT reads the latest
 * committed rows and locks them shared: it takes no snapshot.
 */
export function lockSelectedGuardStatement(manager: EntityManager, select: Statement): Statement | null {
  return guardInsert(manager, select);
}

/** The guard row of the key `source` gives (`VALUES (?)` or a SELECT), created or, if it exists, locked. */
function guardInsert(manager: EntityManager, source: Statement): Statement | null {
  if (isSqlite(manager)) return null;
  return {
    // Qualified: a column of a SELECT may not stand for the guard row's own.
    sql: `INSERT INTO lock_guards (guard_key) ${source.sql} ON DUPLICATE KEY UPDATE lock_guards.guard_key = lock_guards.guard_key`,
    params: source.params,
  };
}
