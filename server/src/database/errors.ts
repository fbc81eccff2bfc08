import type { ErrorCode } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';

/** Whether a failed write broke a unique index (MySQL/MariaDB ER_DUP_ENTRY, or SQLite's constraint). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; errno?: number };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs a write whose unique index may refuse it (a second checkpoint code, a plate registered twice):
 * that refusal is answered as a DomainException with this code and message, anything else passes on.
 */
export async function refusingDuplicates<T>(write: () => Promise<T>, code: ErrorCode, message?: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainException(code, message);
    throw error;
  }
}

// ER_CHECKREAD: MariaDB with innodb_snapshot_isolation=ON (off in 10.11, on by default in newer
// releases) refuses a locking read of a row changed since the transaction's snapshot; like a
// deadlock, a fresh attempt of the whole transaction succeeds.
const retriableCodes = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'ER_CHECKREAD']);

/**
 * Runs a transaction again when InnoDB chose it as a deadlock victim: under concurrent issuance two
 * transactions can lock the same counters in an order InnoDB cannot serialise, and a retry is the
 * documented remedy. Nothing was committed by the failed attempt.
 */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const e = error as { code?: string; driverError?: { code?: string } };
      const code = e?.driverError?.code ?? e?.code;
      if (attempt >= attempts || !code || !retriableCodes.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
