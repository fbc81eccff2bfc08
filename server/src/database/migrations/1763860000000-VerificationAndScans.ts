import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { baseRecordColumns } from '../migration-columns.js';

/** Checkpoint work: the ordered log behind the revocation status list, scan records and clone alerts. */
export class VerificationAndScans1763860000000 implements MigrationInterface {
  name = 'VerificationAndScans1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'pass_status_changes',
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'status_index', type: 'integer' },
          { name: 'status', type: 'integer' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scan_records',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'pass_number', type: 'varchar', length: '12' },
          { name: 'pass_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'checkpoint_id', type: 'varchar', length: '36' },
          { name: 'scanned_at', type: 'datetime', precision: 3 },
          { name: 'result', type: 'varchar', length: '16' },
          { name: 'direction', type: 'varchar', length: '10' },
          { name: 'uploaded_by', type: 'varchar', length: '36' },
          { name: 'uploaded_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'idx_scan_records_pass', columnNames: ['pass_id', 'scanned_at'] },
          { name: 'idx_scan_records_number', columnNames: ['pass_number', 'scanned_at'] },
          { name: 'idx_scan_records_checkpoint', columnNames: ['checkpoint_id', 'scanned_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'clone_alerts',
        columns: [
          ...baseRecordColumns,
          { name: 'pass_id', type: 'varchar', length: '36' },
          { name: 'first_scan_id', type: 'varchar', length: '36' },
          { name: 'second_scan_id', type: 'varchar', length: '36' },
          { name: 'distance_km', type: 'integer' },
          { name: 'minutes', type: 'integer' },
          { name: 'resolved_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'uq_clone_alerts_scans', columnNames: ['first_scan_id', 'second_scan_id'], isUnique: true },
          { name: 'idx_clone_alerts_pass', columnNames: ['pass_id', 'created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['clone_alerts', 'scan_records', 'pass_status_changes']) await queryRunner.dropTable(table);
  }
}
