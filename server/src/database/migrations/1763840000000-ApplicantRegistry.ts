import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { baseRecordColumns } from '../migration-columns.js';

const fk = (table: string, column: string, referenced: string) =>
  new TableForeignKey({
    name: `fk_${table}_${column.replace(/_id$/, '')}`,
    columnNames: [column],
    referencedTableName: referenced,
    referencedColumnNames: ['id'],
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
  });

/** Sessions, sign-in throttling, the whitelist, and what fleet managers register and apply with. */
export class ApplicantRegistry1763840000000 implements MigrationInterface {
  name = 'ApplicantRegistry1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          ...baseRecordColumns,
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'datetime', precision: 3 },
          { name: 'revoked_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'uq_refresh_tokens_hash', columnNames: ['token_hash'], isUnique: true },
          { name: 'idx_refresh_tokens_account', columnNames: ['account_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          ...baseRecordColumns,
          { name: 'phone', type: 'varchar', length: '11' },
          { name: 'ip', type: 'varchar', length: '45' },
        ],
        indices: [
          { name: 'idx_login_failures_phone', columnNames: ['phone', 'created_at'] },
          { name: 'idx_login_failures_ip', columnNames: ['ip', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'whitelist_entries',
        columns: [
          ...baseRecordColumns,
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'enterprise_name', type: 'varchar', length: '100' },
          { name: 'batch', type: 'varchar', length: '50' },
          { name: 'removed_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [{ name: 'uq_whitelist_entries_credit_code', columnNames: ['credit_code'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'vehicles',
        columns: [
          ...baseRecordColumns,
          { name: 'enterprise_id', type: 'varchar', length: '36' },
          { name: 'plate', type: 'varchar', length: '12' },
          { name: 'plate_colour', type: 'varchar', length: '16' },
          { name: 'vehicle_type', type: 'varchar', length: '32' },
          { name: 'transport_license_number', type: 'varchar', length: '40' },
          { name: 'vin', type: 'varchar', length: '17', isNullable: true },
        ],
        indices: [
          {
            name: 'uq_vehicles_enterprise_plate',
            columnNames: ['enterprise_id', 'plate', 'plate_colour'],
            isUnique: true,
          },
          { name: 'idx_vehicles_plate', columnNames: ['plate'] },
        ],
        foreignKeys: [fk('vehicles', 'enterprise_id', 'enterprises')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'drivers',
        columns: [
          ...baseRecordColumns,
          { name: 'enterprise_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'id_number_encrypted', type: 'varchar', length: '120' },
          { name: 'id_number_hash', type: 'varchar', length: '64' },
          { name: 'id_number_masked', type: 'varchar', length: '18' },
          { name: 'phone', type: 'varchar', length: '11' },
          { name: 'role', type: 'varchar', length: '16' },
        ],
        indices: [
          { name: 'uq_drivers_enterprise_id_number', columnNames: ['enterprise_id', 'id_number_hash'], isUnique: true },
          { name: 'idx_drivers_id_number_hash', columnNames: ['id_number_hash'] },
        ],
        foreignKeys: [fk('drivers', 'enterprise_id', 'enterprises')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          ...baseRecordColumns,
          { name: 'enterprise_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'mime_type', type: 'varchar', length: '64' },
          { name: 'size_bytes', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'storage_key', type: 'varchar', length: '200' },
          { name: 'original_name', type: 'varchar', length: '200' },
        ],
        indices: [{ name: 'idx_attachments_enterprise', columnNames: ['enterprise_id', 'created_at'] }],
        foreignKeys: [fk('attachments', 'enterprise_id', 'enterprises')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'applications',
        columns: [
          ...baseRecordColumns,
          { name: 'enterprise_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'client_request_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'vehicle_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'crew_driver_ids', type: 'text' },
          { name: 'material_category', type: 'varchar', length: '32', isNullable: true },
          { name: 'material_description', type: 'varchar', length: '200', isNullable: true },
          { name: 'quantity', type: 'decimal', precision: 14, scale: 3, isNullable: true },
          { name: 'quantity_unit', type: 'varchar', length: '16', isNullable: true },
          { name: 'consignor', type: 'text', isNullable: true },
          { name: 'consignee', type: 'text', isNullable: true },
          { name: 'origin_code', type: 'varchar', length: '6', isNullable: true },
          { name: 'destination_code', type: 'varchar', length: '6', isNullable: true },
          { name: 'waypoint_codes', type: 'text' },
          { name: 'valid_from', type: 'date', isNullable: true },
          { name: 'valid_to', type: 'date', isNullable: true },
          { name: 'attachment_ids', type: 'text' },
          { name: 'review_steps', type: 'text' },
          { name: 'review_level_index', type: 'integer' },
          { name: 'approvals', type: 'text' },
          { name: 'last_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'fields_to_fix', type: 'text' },
          { name: 'submitted_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'version', type: 'integer' },
        ],
        indices: [
          {
            name: 'uq_applications_client_request',
            columnNames: ['enterprise_id', 'client_request_id'],
            isUnique: true,
          },
          { name: 'idx_applications_enterprise', columnNames: ['enterprise_id', 'created_at'] },
          { name: 'idx_applications_vehicle', columnNames: ['vehicle_id'] },
          { name: 'idx_applications_status', columnNames: ['status', 'submitted_at'] },
        ],
        foreignKeys: [fk('applications', 'enterprise_id', 'enterprises'), fk('applications', 'vehicle_id', 'vehicles')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'application_events',
        columns: [
          ...baseRecordColumns,
          { name: 'application_id', type: 'varchar', length: '36' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'from_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'actor_role', type: 'varchar', length: '20' },
          { name: 'actor_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'comment', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [{ name: 'idx_application_events_application', columnNames: ['application_id', 'created_at'] }],
        foreignKeys: [fk('application_events', 'application_id', 'applications')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'application_events',
      'applications',
      'attachments',
      'drivers',
      'vehicles',
      'whitelist_entries',
      'login_failures',
      'refresh_tokens',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
