import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { baseRecordColumns } from '../migration-columns.js';

/**
 * Rows that concurrency guards lock or count: guard rows locked where an invariant has no row of its
 * own (a plate across enterprises, an account's or an address's attempts), the registration attempts
 * throttled per address, and the index the login throttle counts by (account and address together).
 */
export class ConcurrencyGuards1764590000000 implements MigrationInterface {
  name = 'ConcurrencyGuards1764590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'lock_guards',
        columns: [{ name: 'guard_key', type: 'varchar', length: '64', isPrimary: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'registration_attempts',
        columns: [...baseRecordColumns, { name: 'ip', type: 'varchar', length: '45' }],
        indices: [{ name: 'idx_registration_attempts_ip', columnNames: ['ip', 'created_at'] }],
      }),
    );
    await queryRunner.createIndex(
      'login_failures',
      new TableIndex({ name: 'idx_login_failures_phone_ip', columnNames: ['phone', 'ip', 'created_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('login_failures', 'idx_login_failures_phone_ip');
    await queryRunner.dropTable('registration_attempts');
    await queryRunner.dropTable('lock_guards');
  }
}
