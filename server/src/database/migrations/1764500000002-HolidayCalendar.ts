import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { calendar2026, calendar2027Statutory } from '../../holidays/national-calendar.js';

/** The national holiday calendar as data, seeded with 2026 as published and 2027's certain dates. */
export class HolidayCalendar1764500000002 implements MigrationInterface {
  name = 'HolidayCalendar1764500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'holidays',
        columns: [
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('holidays', ['date', 'kind', 'name'])
      .values([...calendar2026, ...calendar2027Statutory])
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('holidays');
  }
}
