import type { EntityManager } from 'typeorm';
import { lockGuard } from '../database/lock-guard.js';
import { isSqlite } from '../database/locks.js';

/**
 * Takes the locks that guard issuance, as the FIRST statements of an approval's transaction and
 * always in this order: the application row, its enterprise's row (the cap on active passes), the
 * guard row of the vehicle's plate (one active pass per truck and day, whichever enterprise
 * registered it). Issuance then takes the quota allocation (guarded UPDATE) and the counters.
 *
 * Only locking reads come before this, so under REPEATABLE READ the transaction's snapshot is taken
 * by its first plain read, after these locks are held: whatever the previous holder committed is
 * visible to the cap count and the overlap query. See docs/scaling.md, "Invariants under concurrency".
 * SQLite needs none of it: its transactions already run one at a time (serialiseSqlite).
 */
export async function lockIssuanceGuards(manager: EntityManager, applicationId: string): Promise<void> {
  if (isSqlite(manager)) return;
  const [app] = (await manager.query('SELECT enterprise_id, vehicle_id FROM applications WHERE id = ? FOR UPDATE', [
    applicationId,
  ])) as { enterprise_id: string; vehicle_id: string | null }[];
  if (!app) return;
  await manager.query('SELECT id FROM enterprises WHERE id = ? FOR UPDATE', [app.enterprise_id]);
  if (!app.vehicle_id) return;
  const [vehicle] = (await manager.query('SELECT plate, plate_colour FROM vehicles WHERE id = ? FOR UPDATE', [
    app.vehicle_id,
  ])) as { plate: string; plate_colour: string }[];
  if (!vehicle) return;
  await lockGuard(manager, plateGuardKey(vehicle.plate, vehicle.plate_colour));
}

export const plateGuardKey = (plate: string, plateColour: string): string => `plate:${plate}:${plateColour}`;
