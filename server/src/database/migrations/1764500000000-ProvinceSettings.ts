import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** The province's rules as versioned data (version 1 is seeded from the environment at boot). */
export class ProvinceSettings1764500000000 implements MigrationInterface {
  name = 'ProvinceSettings1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'province_settings',
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'document', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'created_by', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('province_settings');
  }
}
