import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** What an admin does to accounts (stop, reset a password; password age) and checkpoints (retire). */
export class AdminControls1764500000001 implements MigrationInterface {
  name = 'AdminControls1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('accounts', [
      new TableColumn({ name: 'disabled_at', type: 'datetime', precision: 3, isNullable: true }),
      new TableColumn({ name: 'must_change_password', type: 'boolean', default: 0 }),
      new TableColumn({ name: 'password_changed_at', type: 'datetime', precision: 3, isNullable: true }),
    ]);
    await queryRunner.addColumn(
      'checkpoints',
      new TableColumn({ name: 'retired_at', type: 'datetime', precision: 3, isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('checkpoints', 'retired_at');
    await queryRunner.dropColumn('accounts', 'password_changed_at');
    await queryRunner.dropColumn('accounts', 'must_change_password');
    await queryRunner.dropColumn('accounts', 'disabled_at');
  }
}
