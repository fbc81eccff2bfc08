import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Trusted issuers of other provinces (全国互认) and the ended passes of their status lists. */
export class FederationOfIssuers1764800000019 implements MigrationInterface {
  name = 'FederationOfIssuers1764800000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'trusted_issuers',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'issuer_region', type: 'varchar', length: '6' },
          { name: 'issuer_name', type: 'varchar', length: '60' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'document', type: 'text' },
          { name: 'document_synced_at', type: 'datetime', precision: 3 },
          { name: 'status_list_size', type: 'integer', isNullable: true },
          { name: 'status_list_version', type: 'integer', isNullable: true },
          { name: 'status_generated_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'status_synced_at', type: 'datetime', precision: 3, isNullable: true },
          { name: 'last_sync_error', type: 'varchar', length: '300', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'trusted_issuers',
      new TableIndex({ name: 'uq_trusted_issuers_region', columnNames: ['issuer_region'], isUnique: true }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'trusted_issuer_statuses',
        columns: [
          { name: 'issuer_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'status_index', type: 'integer', isPrimary: true },
          { name: 'status', type: 'integer' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('trusted_issuer_statuses');
    await queryRunner.dropTable('trusted_issuers');
  }
}
