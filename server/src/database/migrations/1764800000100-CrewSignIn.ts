import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { baseRecordColumns } from '../migration-columns.js';

const batch = 500;

/**
 * The driver's own pass (issue 17): SMS sign-in codes of crew members, the driver records each pass
 * was issued with (filled here for the passes already issued, from their applications), and an index
 * to find a phone's driver records.
 */
export class CrewSignIn1764800000100 implements MigrationInterface {
  name = 'CrewSignIn1764800000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'crew_sign_ins',
        columns: [
          ...baseRecordColumns,
          { name: 'phone', type: 'varchar', length: '11' },
          { name: 'ip', type: 'varchar', length: '45' },
          { name: 'code_hash', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'failed_attempts', type: 'integer' },
          { name: 'used_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'idx_crew_sign_ins_phone', columnNames: ['phone', 'created_at'] },
          { name: 'idx_crew_sign_ins_ip', columnNames: ['ip', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pass_crew_members',
        columns: [
          ...baseRecordColumns,
          { name: 'pass_id', type: 'varchar', length: '36' },
          { name: 'driver_id', type: 'varchar', length: '36' },
        ],
        indices: [
          { name: 'uq_pass_crew_members', columnNames: ['pass_id', 'driver_id'], isUnique: true },
          { name: 'idx_pass_crew_members_driver', columnNames: ['driver_id', 'pass_id'] },
        ],
      }),
    );
    await queryRunner.createIndex('drivers', new TableIndex({ name: 'idx_drivers_phone', columnNames: ['phone'] }));

    await fillPassCrewMembers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('drivers', 'idx_drivers_phone');
    await queryRunner.dropTable('pass_crew_members');
    await queryRunner.dropTable('crew_sign_ins');
  }
}

/**
 * The crew of the passes issued before this migration, as their applications named it, a page of passes
 * at a time; a pass that has its rows already is left as it is.
 */
export async function fillPassCrewMembers(queryRunner: QueryRunner): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; created_at: unknown; crew_driver_ids: string }[] = await queryRunner.query(
      `SELECT p.id, p.created_at, a.crew_driver_ids FROM passes p JOIN applications a ON a.id = p.application_id
       WHERE p.id > ? AND NOT EXISTS (SELECT 1 FROM pass_crew_members pc WHERE pc.pass_id = p.id)
       ORDER BY p.id LIMIT ${batch}`,
      [after],
    );
    if (rows.length === 0) return;
    const values = rows.flatMap((row) =>
      [...new Set(JSON.parse(row.crew_driver_ids) as string[])].map((driverId) => [
        randomUUID(),
        row.created_at,
        row.created_at,
        row.id,
        driverId,
      ]),
    );
    // Plain SQL: a query builder would map the values by the entity's property names, not as written.
    if (values.length) {
      await queryRunner.query(
        `INSERT INTO pass_crew_members (id, created_at, updated_at, pass_id, driver_id) VALUES ${values
          .map(() => '(?, ?, ?, ?, ?)')
          .join(', ')}`,
        values.flat(),
      );
    }
    after = rows.at(-1)!.id;
  }
}
