import type { EntityManager } from 'typeorm';
import { lockGuard } from '../database/lock-guard.js';
import { isSqlite } from '../database/locks.js';

/**
 * Takes the locks that guard issuance, as the FIRST statements of an approval's transaction and
 * always in this order: the application row with its vehicle's row, its enterprise's row (the cap on
 * active passes), the guard row of the vehicle's plate (one active pass per truck and day, whichever enterprise
 * registered it). Issuance then takes the quota allocation (guarded UPDATE) and the counters.
 *
 * Only locking reads come before this, so under REPEATABLE READ the transaction's snapshot is taken
 * by its first plain read, after these locks are held: whatever the previous holder committed is
 * visible to the cap count and the overlap query. See docs/scaling.md, "Invariants under concurrency".
 * SQLite needs none of it: its transactions already run one at a time (serialiseSqlite).
 */
export async function lockIssuanceGuards(manager: EntityManager, applicationId: string): Promise<void> {
  if (isSqlite(manager)) return;
  // The application and its vehicle in one statement (both rows locked); the enterprise after them.
  const [app] = (await manager.query(
    `SELECT a.enterprise_id, v.plate, v.plate_colour FROM applications a
     LEFT JOIN vehicles v ON v.id = a.vehicle_id WHERE a.id = ? FOR UPDATE`,
    [applicationId],
  )) as { enterprise_id: string; plate: string | null; plate_colour: string | null }[];
  if (!app) return;
  await manager.query('SELECT id FROM enterprises WHERE id = ? FOR UPDATE', [app.enterprise_id]);
  if (!app.plate || !app.plate_colour) return;
  await lockGuard(manager, plateGuardKey(app.plate, app.plate_colour));
}

export const plateGuardKey = (plate: string, plateColour: string): string => `plate:${plate}:${plateColour}`;
