import type { PlateColour, ProvinceSettings } from '@pass/shared';
import type { EntityManager } from 'typeorm';
import { lockSelectedGuardStatement } from '../database/lock-guard.js';
import type { Statement } from '../database/plain-rows.js';
import type { ReadingStatement, StatementResult } from '../database/statements.js';
import type { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/** The application's vehicle as the approval locked it: what the pass copies of it. */
export interface GuardedVehicle {
  id: string;
  plate: string;
  plateColour: PlateColour;
  vehicleType: string;
}

/**
 * What an approval locked before its first plain read, handed on to issuance so that it reads none of
 * it again: the settings it ran under (the enterprise's lock mode and issuance's checks must follow
 * the same version), the enterprise, the vehicle.
 */
export interface IssuanceGuards {
  settings: ProvinceSettings;
  enterprise: EnterpriseEntity;
  vehicle: GuardedVehicle | null;
}

/**
 * The locks that guard issuance, keyed by the application and sent in the packet of its own locking
 * read (the first statement of an approval's transaction: ApplicationsService.lockForDecision, which
 * locks the application's row and its vehicle's), in this order after it: its enterprise's row, the
 * guard row of the vehicle's plate (one active pass per truck and day, whichever enterprise registered
 * it). Issuance then takes the quota allocation (guarded UPDATE) and the counters. Why in one packet:
 * each round trip costs the server about 0.1 ms of CPU, and an approval is bound by it (docs/scaling.md
 * §4.3).
 *
 * The enterprise row is locked exclusively when the province caps active passes per enterprise (its
 * passes are then counted one approval at a time), in share mode otherwise (`enterpriseLock` is made
 * from the same settings issuance is given): nothing else on the issuance path locks that row again,
 * so two approvals holding it shared never wait for each other to upgrade.
 *
 * Only locking reads come before this, so under REPEATABLE READ the transaction's snapshot is taken
 * by its first plain read, after these locks are held: whatever the previous holder committed is
 * visible to the cap count and the overlap query. Both statements find their rows by joining the
 * application, never by a subquery: a subquery of a locking statement is a plain read, which would
 * take the snapshot before the locks. The enterprise's is a locking SELECT over the join, and the
 * plate's an INSERT … SELECT, whose SELECT reads locking under REPEATABLE READ (the rows it reads
 * are already locked by the application's read). See docs/scaling.md, "Invariants under concurrency".
 * SQLite needs no lock (its transactions already run one at a time, serialiseSqlite).
 */
export function issuanceGuardLocks(
  manager: EntityManager,
  applicationId: string,
  settings: ProvinceSettings,
  enterpriseLock: ReadingStatement<EnterpriseEntity>,
): IssuanceGuardLocks {
  const plateGuard = lockSelectedGuardStatement(manager, {
    sql: `SELECT CONCAT('plate:', v.plate, ':', v.plate_colour)
       FROM applications a JOIN vehicles v ON v.id = a.vehicle_id WHERE a.id = ?`,
    params: [applicationId],
  });
  return {
    // A lock that fails stops the packet (runStatements).
    statements: [enterpriseLock, ...(plateGuard ? [plateGuard] : [])],
    read: ([enterprise], vehicle) => ({ settings, enterprise: enterpriseLock.read(enterprise!.rows), vehicle }),
  };
}

/** Issuance's guard locks as statements for the application's locking read to send, and what they answer. */
export interface IssuanceGuardLocks {
  statements: Statement[];
  /** The guards held, from the statements' results (in order) and the vehicle the application's read locked. */
  read: (results: StatementResult[], vehicle: GuardedVehicle | null) => IssuanceGuards;
}
