import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** The queue's search columns, after the step's, and before the queue's order. */
const searchIndexes = (['queue', 'escalation'] as const).flatMap((scope) => {
  const step =
    scope === 'queue' ? ['current_jurisdiction', 'current_level'] : ['escalation_jurisdiction', 'escalation_level'];
  return (['enterprise', 'vehicle'] as const).map(
    (searched) =>
      new TableIndex({
        name: `idx_applications_${scope}_${searched}`,
        columnNames: [...step, `${searched}_id`, 'whitelisted', 'submitted_at'],
      }),
  );
});

/**
 * Search in the officials' lists (issue 17), each read from an index at any volume (issue 18): the
 * review queue by enterprise or vehicle (one branch per one searched, at its step, in the queue's
 * order), and enterprises by the beginning of their name. Plates, pass numbers and credit codes
 * already had theirs (`idx_vehicles_plate`, `idx_passes_plate`, `uq_passes_number`,
 * `uq_enterprises_credit_code`).
 */
export class SearchIndexes1764800000200 implements MigrationInterface {
  name = 'SearchIndexes1764800000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndices('applications', searchIndexes);
    await queryRunner.createIndex(
      'enterprises',
      new TableIndex({ name: 'idx_enterprises_name', columnNames: ['name'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('enterprises', 'idx_enterprises_name');
    for (const index of searchIndexes) await queryRunner.dropIndex('applications', index.name!);
  }
}
