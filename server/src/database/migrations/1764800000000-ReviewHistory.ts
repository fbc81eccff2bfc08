import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * The review history: each step records where the official sat (jurisdiction, level, department),
 * an internal note for officials only beside the comment the applicant reads, and the fields a return
 * flagged. Clone alerts are closed as handled or dismissed with a note and by whom. Additive: earlier
 * steps have none of it, earlier alerts stay open.
 */
export class ReviewHistory1764800000000 implements MigrationInterface {
  name = 'ReviewHistory1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('application_events', [
      new TableColumn({ name: 'jurisdiction_code', type: 'varchar', length: '6', isNullable: true }),
      new TableColumn({ name: 'review_level', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'actor_department', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'internal_note', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'fields_to_fix', type: 'text', isNullable: true }),
    ]);
    await queryRunner.addColumns('clone_alerts', [
      new TableColumn({ name: 'resolution', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'resolution_note', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn({ name: 'resolved_by', type: 'varchar', length: '36', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['resolved_by', 'resolution_note', 'resolution']) {
      await queryRunner.dropColumn('clone_alerts', column);
    }
    for (const column of ['fields_to_fix', 'internal_note', 'actor_department', 'review_level', 'jurisdiction_code']) {
      await queryRunner.dropColumn('application_events', column);
    }
  }
}
