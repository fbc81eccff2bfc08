import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Issuing departments with their duty phones, per jurisdiction. Officials keep their free-text
 * `department` and passes their `issuing_department` snapshot; this table is what the trust list,
 * the PDF, the public page and the verdicts read the name and phone from. Starts empty: the admin
 * (or the demo seed) records the departments.
 */
export class IssuingDepartments1764700000000 implements MigrationInterface {
  name = 'IssuingDepartments1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'issuing_departments',
        columns: [
          { name: 'region_code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'duty_phone', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('issuing_departments');
  }
}
