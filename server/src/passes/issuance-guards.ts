import type { PlateColour, ProvinceSettings } from '@pass/shared';
import type { EntityManager } from 'typeorm';
import { lockGuard } from '../database/lock-guard.js';
import { isSqlite } from '../database/locks.js';
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
 * Takes the locks that guard issuance, as the FIRST statements of an approval's transaction and
 * always in this order: the application row with its vehicle's row, its enterprise's row, the guard
 * row of the vehicle's plate (one active pass per truck and day, whichever enterprise registered it).
 * Issuance then takes the quota allocation (guarded UPDATE) and the counters.
 *
 * The enterprise row is locked exclusively when the province caps active passes per enterprise (its
 * passes are then counted one approval at a time), in share mode otherwise (`lockEnterprise` decides,
 * from the same settings issuance is given): nothing else on the issuance path locks that row again,
 * so two approvals holding it shared never wait for each other to upgrade.
 *
 * Only locking reads come before this, so under REPEATABLE READ the transaction's snapshot is taken
 * by its first plain read, after these locks are held: whatever the previous holder committed is
 * visible to the cap count and the overlap query. See docs/scaling.md, "Invariants under concurrency".
 * SQLite needs no lock (its transactions already run one at a time, serialiseSqlite): the same rows are
 * read plainly. Null when there is no such application (the approval then answers 404).
 */
export async function lockIssuanceGuards(
  manager: EntityManager,
  applicationId: string,
  lockEnterprise: (enterpriseId: string) => Promise<EnterpriseEntity>,
): Promise<Omit<IssuanceGuards, 'settings'> | null> {
  const sqlite = isSqlite(manager);
  // The application and its vehicle in one statement (both rows locked); the enterprise after them.
  const [app] = (await manager.query(
    `SELECT a.enterprise_id, v.id AS vehicle_id, v.plate, v.plate_colour, v.vehicle_type FROM applications a
     LEFT JOIN vehicles v ON v.id = a.vehicle_id WHERE a.id = ?${sqlite ? '' : ' FOR UPDATE'}`,
    [applicationId],
  )) as {
    enterprise_id: string;
    vehicle_id: string | null;
    plate: string | null;
    plate_colour: PlateColour | null;
    vehicle_type: string | null;
  }[];
  if (!app) return null;
  const enterprise = await lockEnterprise(app.enterprise_id);
  if (!app.vehicle_id || !app.plate || !app.plate_colour) return { enterprise, vehicle: null };
  await lockGuard(manager, plateGuardKey(app.plate, app.plate_colour));
  return {
    enterprise,
    vehicle: { id: app.vehicle_id, plate: app.plate, plateColour: app.plate_colour, vehicleType: app.vehicle_type! },
  };
}

export const plateGuardKey = (plate: string, plateColour: string): string => `plate:${plate}:${plateColour}`;
