import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * 白名单互认: other provinces' whitelists recognised here. Their entries live in `whitelist_entries`
 * with the issuer's region in `source_region` ('' for this province's own), so one enterprise may be
 * listed by this province and by others; `recognised_whitelists` holds one row per imported list. An
 * application records which province's list gave it priority (`whitelist_source`, null for this one's
 * own), indexed so that suspending an issuer finds the waiting applications it ranked first.
 */
export class WhitelistRecognition1764800000400 implements MigrationInterface {
  name = 'WhitelistRecognition1764800000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('whitelist_entries', 'uq_whitelist_entries_credit_code');
    await queryRunner.addColumn(
      'whitelist_entries',
      new TableColumn({ name: 'source_region', type: 'varchar', length: '6', default: "''" }),
    );
    await queryRunner.createIndex(
      'whitelist_entries',
      new TableIndex({
        name: 'uq_whitelist_entries_credit_code',
        columnNames: ['credit_code', 'source_region'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'whitelist_entries',
      new TableIndex({ name: 'idx_whitelist_entries_source', columnNames: ['source_region'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'recognised_whitelists',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'issuer_region', type: 'varchar', length: '6' },
          { name: 'issuer_name', type: 'varchar', length: '60' },
          { name: 'exported_at', type: 'datetime', precision: 3 },
          { name: 'entry_count', type: 'integer' },
        ],
        indices: [{ name: 'uq_recognised_whitelists_region', columnNames: ['issuer_region'], isUnique: true }],
      }),
    );
    await queryRunner.addColumn(
      'applications',
      new TableColumn({ name: 'whitelist_source', type: 'varchar', length: '6', isNullable: true }),
    );
    await queryRunner.createIndex(
      'applications',
      new TableIndex({ name: 'idx_applications_whitelist_source', columnNames: ['whitelist_source'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('applications', 'idx_applications_whitelist_source');
    await queryRunner.dropColumn('applications', 'whitelist_source');
    await queryRunner.dropTable('recognised_whitelists');
    await queryRunner.query("DELETE FROM whitelist_entries WHERE source_region <> ''");
    await queryRunner.dropIndex('whitelist_entries', 'idx_whitelist_entries_source');
    await queryRunner.dropIndex('whitelist_entries', 'uq_whitelist_entries_credit_code');
    await queryRunner.dropColumn('whitelist_entries', 'source_region');
    await queryRunner.createIndex(
      'whitelist_entries',
      new TableIndex({ name: 'uq_whitelist_entries_credit_code', columnNames: ['credit_code'], isUnique: true }),
    );
  }
}
