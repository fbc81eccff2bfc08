import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { baseRecordColumns } from '../migration-columns.js';

/** The officials' side: queues, deadlines, passes and their numbering, quotas, sanctions, the audit log. */
export class ReviewAndIssuance1763850000000 implements MigrationInterface {
  name = 'ReviewAndIssuance1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('applications', [
      new TableColumn({ name: 'current_level', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'current_jurisdiction', type: 'varchar', length: '6', isNullable: true }),
      new TableColumn({ name: 'escalation_level', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'escalation_jurisdiction', type: 'varchar', length: '6', isNullable: true }),
      new TableColumn({ name: 'due_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'whitelisted', type: 'boolean', default: 0 }),
    ]);
    await queryRunner.createIndices('applications', [
      new TableIndex({
        name: 'idx_applications_queue',
        columnNames: ['current_jurisdiction', 'current_level', 'submitted_at'],
      }),
      new TableIndex({
        name: 'idx_applications_queue_whitelist',
        columnNames: ['current_jurisdiction', 'current_level', 'whitelisted', 'submitted_at'],
      }),
      new TableIndex({
        name: 'idx_applications_overdue',
        columnNames: ['current_jurisdiction', 'current_level', 'due_at'],
      }),
      new TableIndex({
        name: 'idx_applications_escalation',
        columnNames: ['escalation_jurisdiction', 'escalation_level', 'submitted_at'],
      }),
    ]);
    await queryRunner.addColumns('enterprises', [
      new TableColumn({ name: 'suspended_until', type: 'date', isNullable: true }),
      new TableColumn({ name: 'suspension_reason', type: 'varchar', length: '500', isNullable: true }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'counters',
        columns: [
          { name: 'name', type: 'varchar', length: '32', isPrimary: true },
          { name: 'next_value', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'passes',
        columns: [
          ...baseRecordColumns,
          { name: 'pass_number', type: 'varchar', length: '12' },
          { name: 'issuer_code', type: 'varchar', length: '6' },
          { name: 'routing_county', type: 'varchar', length: '6' },
          { name: 'status_index', type: 'integer' },
          { name: 'application_id', type: 'varchar', length: '36' },
          { name: 'enterprise_id', type: 'varchar', length: '36' },
          { name: 'enterprise_name', type: 'varchar', length: '100' },
          { name: 'vehicle_id', type: 'varchar', length: '36' },
          { name: 'plate', type: 'varchar', length: '12' },
          { name: 'plate_colour', type: 'varchar', length: '16' },
          { name: 'vehicle_type', type: 'varchar', length: '32' },
          { name: 'crew', type: 'text' },
          { name: 'material_category', type: 'varchar', length: '32' },
          { name: 'material_description', type: 'varchar', length: '200' },
          { name: 'origin_code', type: 'varchar', length: '6' },
          { name: 'destination_code', type: 'varchar', length: '6' },
          { name: 'waypoint_codes', type: 'text' },
          { name: 'valid_from', type: 'date' },
          { name: 'valid_to', type: 'date' },
          { name: 'issuing_department', type: 'varchar', length: '100' },
          { name: 'issued_at', type: 'datetime', precision: 3 },
          { name: 'issued_by', type: 'varchar', length: '36' },
          { name: 'token_digits', type: 'text' },
          { name: 'token_kid', type: 'varchar', length: '32' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'ended_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'end_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'superseded_by', type: 'varchar', length: '36', isNullable: true },
          { name: 'quota_jurisdiction', type: 'varchar', length: '6', isNullable: true },
          { name: 'quota_period', type: 'varchar', length: '8', isNullable: true },
        ],
        indices: [
          { name: 'uq_passes_number', columnNames: ['pass_number'], isUnique: true },
          { name: 'uq_passes_status_index', columnNames: ['status_index'], isUnique: true },
          { name: 'uq_passes_application', columnNames: ['application_id'], isUnique: true },
          { name: 'idx_passes_enterprise', columnNames: ['enterprise_id', 'issued_at'] },
          { name: 'idx_passes_plate', columnNames: ['plate', 'plate_colour', 'status'] },
          { name: 'idx_passes_status', columnNames: ['status', 'status_index'] },
          { name: 'idx_passes_issuer', columnNames: ['issuer_code', 'issued_at'] },
          { name: 'idx_passes_routing', columnNames: ['routing_county', 'issued_at'] },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_passes_application',
            columnNames: ['application_id'],
            referencedTableName: 'applications',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'fk_passes_enterprise',
            columnNames: ['enterprise_id'],
            referencedTableName: 'enterprises',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'quota_allocations',
        columns: [
          ...baseRecordColumns,
          { name: 'jurisdiction_code', type: 'varchar', length: '6' },
          { name: 'period', type: 'varchar', length: '8' },
          { name: 'amount', type: 'integer' },
          { name: 'used', type: 'integer' },
        ],
        indices: [
          {
            name: 'uq_quota_allocations_jurisdiction_period',
            columnNames: ['jurisdiction_code', 'period'],
            isUnique: true,
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'blacklist_entries',
        columns: [
          ...baseRecordColumns,
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'subject_key', type: 'varchar', length: '64' },
          { name: 'subject_label', type: 'varchar', length: '100' },
          { name: 'reason', type: 'varchar', length: '500' },
          { name: 'until', type: 'date', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '36' },
          { name: 'lifted_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [{ name: 'idx_blacklist_entries_key', columnNames: ['kind', 'subject_key'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          ...baseRecordColumns,
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'actor_role', type: 'varchar', length: '20' },
          { name: 'actor_name', type: 'varchar', length: '50', isNullable: true },
          { name: 'action', type: 'varchar', length: '40' },
          { name: 'entity_type', type: 'varchar', length: '20' },
          { name: 'entity_id', type: 'varchar', length: '36' },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'idx_audit_log_entity', columnNames: ['entity_type', 'entity_id', 'created_at'] },
          { name: 'idx_audit_log_actor', columnNames: ['actor_id', 'created_at'] },
          { name: 'idx_audit_log_action', columnNames: ['action', 'created_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'blacklist_entries', 'quota_allocations', 'passes', 'counters']) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropColumns('enterprises', ['suspended_until', 'suspension_reason']);
    await queryRunner.dropIndex('applications', 'idx_applications_escalation');
    await queryRunner.dropIndex('applications', 'idx_applications_overdue');
    await queryRunner.dropIndex('applications', 'idx_applications_queue_whitelist');
    await queryRunner.dropIndex('applications', 'idx_applications_queue');
    await queryRunner.dropColumns('applications', [
      'current_level',
      'current_jurisdiction',
      'escalation_level',
      'escalation_jurisdiction',
      'due_at',
      'whitelisted',
    ]);
  }
}
