import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes that let every list an official or admin opens read one page in order (issue 18,
 * docs/scaling.md §6.1 and §6.5). The queue's branches split on `whitelisted` and, with a category
 * filter, on the category too, so the two indexes they replace are dropped. Escalated counts read
 * `due_at` from an index. Admins' pass list, audit log and clone alerts are ordered by time alone.
 */
export class ListIndexes1764800000018 implements MigrationInterface {
  name = 'ListIndexes1764800000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', 'idx_applications_queue');
    await queryRunner.dropIndex('applications', 'idx_applications_escalation');
    await queryRunner.createIndices('applications', [
      new TableIndex({
        name: 'idx_applications_queue_category',
        columnNames: ['material_category', 'current_jurisdiction', 'current_level', 'whitelisted', 'submitted_at'],
      }),
      new TableIndex({
        name: 'idx_applications_escalation_whitelist',
        columnNames: ['escalation_jurisdiction', 'escalation_level', 'whitelisted', 'submitted_at'],
      }),
      new TableIndex({
        name: 'idx_applications_escalation_category',
        columnNames: [
          'material_category',
          'escalation_jurisdiction',
          'escalation_level',
          'whitelisted',
          'submitted_at',
        ],
      }),
      new TableIndex({
        name: 'idx_applications_escalation_due',
        columnNames: ['escalation_jurisdiction', 'escalation_level', 'due_at'],
      }),
      // Admins' statistics: the waiting (current_level not null) and the overdue, province-wide.
      new TableIndex({ name: 'idx_applications_waiting', columnNames: ['current_level', 'due_at'] }),
    ]);
    await queryRunner.createIndex('passes', new TableIndex({ name: 'idx_passes_issued', columnNames: ['issued_at'] }));
    await queryRunner.dropIndex('enterprises', 'idx_enterprises_district');
    await queryRunner.createIndex(
      'enterprises',
      new TableIndex({ name: 'idx_enterprises_district', columnNames: ['district_code', 'created_at'] }),
    );
    await queryRunner.createIndices('audit_log', [
      new TableIndex({ name: 'idx_audit_log_type', columnNames: ['entity_type', 'created_at'] }),
      new TableIndex({ name: 'idx_audit_log_created', columnNames: ['created_at'] }),
    ]);
    await queryRunner.createIndex(
      'clone_alerts',
      new TableIndex({ name: 'idx_clone_alerts_open', columnNames: ['resolved_at', 'created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('clone_alerts', 'idx_clone_alerts_open');
    await queryRunner.dropIndex('audit_log', 'idx_audit_log_created');
    await queryRunner.dropIndex('audit_log', 'idx_audit_log_type');
    await queryRunner.dropIndex('enterprises', 'idx_enterprises_district');
    await queryRunner.createIndex(
      'enterprises',
      new TableIndex({ name: 'idx_enterprises_district', columnNames: ['district_code'] }),
    );
    await queryRunner.dropIndex('passes', 'idx_passes_issued');
    for (const name of [
      'idx_applications_waiting',
      'idx_applications_escalation_due',
      'idx_applications_escalation_category',
      'idx_applications_escalation_whitelist',
      'idx_applications_queue_category',
    ]) {
      await queryRunner.dropIndex('applications', name);
    }
    await queryRunner.createIndices('applications', [
      new TableIndex({
        name: 'idx_applications_queue',
        columnNames: ['current_jurisdiction', 'current_level', 'submitted_at'],
      }),
      new TableIndex({
        name: 'idx_applications_escalation',
        columnNames: ['escalation_jurisdiction', 'escalation_level', 'submitted_at'],
      }),
    ]);
  }
}
