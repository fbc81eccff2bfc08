import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { baseRecordColumns } from '../migration-columns.js';

// Written with TypeORM's schema API rather than raw SQL so that one migration runs on MySQL/MariaDB
// and on the embedded SQLite alike.
export class Init1763830000000 implements MigrationInterface {
  name = 'Init1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'enterprises',
        columns: [
          ...baseRecordColumns,
          { name: 'credit_code', type: 'varchar', length: '18' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'contact_name', type: 'varchar', length: '50' },
          { name: 'contact_phone', type: 'varchar', length: '20' },
          { name: 'district_code', type: 'varchar', length: '6' },
          { name: 'verified_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        indices: [
          { name: 'uq_enterprises_credit_code', columnNames: ['credit_code'], isUnique: true },
          { name: 'idx_enterprises_district', columnNames: ['district_code'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'checkpoints',
        columns: [
          ...baseRecordColumns,
          { name: 'code', type: 'varchar', length: '32' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'latitude', type: 'decimal', precision: 9, scale: 6 },
          { name: 'longitude', type: 'decimal', precision: 9, scale: 6 },
        ],
        indices: [{ name: 'uq_checkpoints_code', columnNames: ['code'], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'accounts',
        columns: [
          ...baseRecordColumns,
          { name: 'phone', type: 'varchar', length: '11' },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'enterprise_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'jurisdiction_code', type: 'varchar', length: '6', isNullable: true },
          { name: 'department', type: 'varchar', length: '50', isNullable: true },
          { name: 'review_level', type: 'varchar', length: '10', isNullable: true },
          { name: 'checkpoint_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'wechat_openid', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          { name: 'uq_accounts_phone', columnNames: ['phone'], isUnique: true },
          { name: 'uq_accounts_wechat_openid', columnNames: ['wechat_openid'], isUnique: true },
          { name: 'idx_accounts_role_jurisdiction', columnNames: ['role', 'jurisdiction_code'] },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_accounts_enterprise',
            columnNames: ['enterprise_id'],
            referencedTableName: 'enterprises',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'fk_accounts_checkpoint',
            columnNames: ['checkpoint_id'],
            referencedTableName: 'checkpoints',
            referencedColumnNames: ['id'],
            onDelete: 'NO ACTION',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('accounts');
    await queryRunner.dropTable('checkpoints');
    await queryRunner.dropTable('enterprises');
  }
}
