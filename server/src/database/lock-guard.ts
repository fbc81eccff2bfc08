import type { EntityManager } from 'typeorm';
import { isSqlite } from './locks.js';

/**
 * Locks the guard row `key` until the caller's transaction ends, creating it on first use. On
 * MySQL/MariaDB a duplicate key in INSERT … ON DUPLICATE KEY UPDATE takes an exclusive lock (INSERT
 * IGNORE would take a shared one, and two holders upgrading would deadlock). SQLite needs no lock:
 * its transactions run one at a time (serialiseSqlite).
 */
export async function lockGuard(manager: EntityManager, key: string): Promise<void> {
  if (isSqlite(manager)) return;
  if (!manager.queryRunner?.isTransactionActive) throw new Error('lockGuard needs a transaction');
  await manager.query('INSERT INTO lock_guards (guard_key) VALUES (?) ON DUPLICATE KEY UPDATE guard_key = guard_key', [
    key,
  ]);
}
