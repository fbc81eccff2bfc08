import type { PlateColour, ProvinceSettings } from '@pass/shared';
import type { EntityManager } from 'typeorm';
import { lockGuardStatement } from '../database/lock-guard.js';
import { type ReadingStatement, runStatements } from '../database/statements.js';
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
 * Takes the locks that guard issuance, right after the application's own locking read (the first
 * statement of an approval's transaction: ApplicationsService.lockForDecision, which locks the
 * application's row and its vehicle's) and always in this order: its enterprise's row, the guard row
 * of the vehicle's plate (one active pass per truck and day, whichever enterprise registered it).
 * Issuance then takes the quota allocation (guarded UPDATE) and the counters.
 *
 * The enterprise row is locked exclusively when the province caps active passes per enterprise (its
 * passes are then counted one approval at a time), in share mode otherwise (`enterpriseLock` is made
 * from the same settings issuance is given): nothing else on the issuance path locks that row again,
 * so two approvals holding it shared never wait for each other to upgrade.
 *
 * Only locking reads come before this, so under REPEATABLE READ the transaction's snapshot is taken
 * by its first plain read, after these locks are held: whatever the previous holder committed is
 * visible to the cap count and the overlap query. See docs/scaling.md, "Invariants under concurrency".
 * SQLite needs no lock (its transactions already run one at a time, serialiseSqlite).
 */
export async function lockIssuanceGuards(
  manager: EntityManager,
  vehicle: GuardedVehicle | null,
  enterpriseLock: ReadingStatement<EnterpriseEntity>,
): Promise<Omit<IssuanceGuards, 'settings'>> {
  // Both locks in one round trip, in this order (runStatements: a lock that fails stops the batch).
  const guard = vehicle && lockGuardStatement(manager, plateGuardKey(vehicle.plate, vehicle.plateColour));
  const [enterprise] = await runStatements(manager, [enterpriseLock, ...(guard ? [guard] : [])]);
  return { enterprise: enterpriseLock.read(enterprise!.rows), vehicle };
}

export const plateGuardKey = (plate: string, plateColour: string): string => `plate:${plate}:${plateColour}`;
