import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A scan is either a passage (驶入/驶出) or an interception (拦截) with the officer's reason. Additive:
 * every earlier record is a passage.
 */
export class ScanInterceptions1764620000000 implements MigrationInterface {
  name = 'ScanInterceptions1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('scan_records', [
      new TableColumn({ name: 'kind', type: 'varchar', length: '16', default: "'passage'" }),
      new TableColumn({ name: 'reason', type: 'varchar', length: '200', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('scan_records', 'reason');
    await queryRunner.dropColumn('scan_records', 'kind');
  }
}
