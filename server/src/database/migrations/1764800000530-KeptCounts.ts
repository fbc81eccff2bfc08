import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

/**
 * Counts kept instead of counted at each request (issue 18). The review counters, exactly: per review step (jurisdiction, level), side ('current':
 * waiting there; 'escalation': escalated there once overdue) and hour of falling due, how many
 * applications. Filled here from the applications already waiting; from then on each transition keeps
 * it in its own transaction. The statements are spelled here, not taken from the application code, so
 * that this migration stays what it was. The statistics' passes issued per China date that is over, per
 * routing county, issuer and category (`issued_day_counts`), and which days are written (`issued_days`):
 * written by the server when a statistics range first needs a day.
 */
export class KeptCounts1764800000530 implements MigrationInterface {
  name = 'KeptCounts1764800000530';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'review_step_counts',
        columns: [
          { name: 'jurisdiction', type: 'varchar', length: '6', isPrimary: true },
          { name: 'level', type: 'varchar', length: '10', isPrimary: true },
          { name: 'side', type: 'varchar', length: '10', isPrimary: true },
          { name: 'due_hour', type: 'integer', isPrimary: true },
          { name: 'n', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'issued_day_counts',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'routing_county', type: 'varchar', length: '6', isPrimary: true },
          { name: 'issuer_code', type: 'varchar', length: '6', isPrimary: true },
          { name: 'category', type: 'varchar', length: '32', isPrimary: true },
          { name: 'n', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({ name: 'issued_days', columns: [{ name: 'day', type: 'varchar', length: '10', isPrimary: true }] }),
    );
    const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
    const hour = sqlite
      ? "CAST(strftime('%s', due_at) AS INTEGER) / 3600"
      : "TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', due_at)";
    for (const side of ['current', 'escalation']) {
      await queryRunner.query(
        `INSERT INTO review_step_counts (jurisdiction, level, side, due_hour, n)
         SELECT j, l, '${side}', h, COUNT(*) FROM (
           SELECT ${side}_jurisdiction AS j, ${side}_level AS l, COALESCE(${hour}, 2147483647) AS h
             FROM applications WHERE ${side}_jurisdiction IS NOT NULL AND ${side}_level IS NOT NULL
         ) waiting GROUP BY j, l, h`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('issued_days');
    await queryRunner.dropTable('issued_day_counts');
    await queryRunner.dropTable('review_step_counts');
  }
}
