import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** An enterprise's passes per covered code, newest first: the column a county or city is matched on. */
const enterpriseScopeIndexes = (['routing_county', 'issuer_code'] as const).map(
  (column) =>
    new TableIndex({
      name: `idx_passes_enterprise_${column === 'routing_county' ? 'routing' : 'issuer'}`,
      columnNames: ['enterprise_id', column, 'issued_at'],
    }),
);

/**
 * A county's or city's official searching the pass list by an enterprise's name or credit code
 * (issue 18): one branch per (enterprise, covered code), each reading at most a page. Filtering
 * `idx_passes_enterprise` to the jurisdiction read every pass a big enterprise had elsewhere.
 */
export class EnterpriseSearchIndexes1764800000550 implements MigrationInterface {
  name = 'EnterpriseSearchIndexes1764800000550';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices('passes', enterpriseScopeIndexes);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of enterpriseScopeIndexes) await queryRunner.dropIndex('passes', index.name!);
  }
}
