import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Notifications: the outbox written with each change it reports, and the in-app message centre the
 * worker fills from it (docs/notifications.md).
 */
export class Notifications1764800000017 implements MigrationInterface {
  name = 'Notifications1764800000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'address', type: 'varchar', length: '64', isNullable: true },
          { name: 'event', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body', type: 'varchar', length: '300' },
          { name: 'link', type: 'varchar', length: '200', isNullable: true },
          { name: 'once_key', type: 'varchar', length: '191', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'integer' },
          { name: 'next_attempt_at', type: 'datetime', precision: 3 },
          { name: 'lease_owner', type: 'varchar', length: '36', isNullable: true },
          { name: 'lease_expires_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'last_error', type: 'varchar', length: '300', isNullable: true },
          { name: 'delivered_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'idx_notification_outbox_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'uq_notification_outbox_once', columnNames: ['once_key'], isUnique: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'account_id', type: 'varchar', length: '36' },
          { name: 'event', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body', type: 'varchar', length: '300' },
          { name: 'link', type: 'varchar', length: '200', isNullable: true },
          { name: 'read_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          { name: 'idx_notifications_account', columnNames: ['account_id', 'created_at', 'id'] },
          { name: 'idx_notifications_unread', columnNames: ['account_id', 'read_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('notification_outbox');
  }
}
