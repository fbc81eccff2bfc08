import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { migrations } from '../src/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const expectedTables = [
  'accounts',
  'application_events',
  'applications',
  'attachments',
  'audit_log',
  'blacklist_entries',
  'checkpoints',
  'clone_alerts',
  'counters',
  'crew_sign_ins',
  'drivers',
  'enterprises',
  'holidays',
  'issued_day_counts',
  'issued_days',
  'issuing_departments',
  'lock_guards',
  'login_failures',
  'notification_outbox',
  'notifications',
  'pass_crew_members',
  'pass_status_changes',
  'passes',
  'province_settings',
  'quota_allocations',
  'recognised_whitelists',
  'refresh_tokens',
  'registration_attempts',
  'review_step_counts',
  'scan_records',
  'trusted_issuer_statuses',
  'trusted_issuers',
  'vehicles',
  'whitelist_entries',
];

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const sql =
    dataSource.options.type !== 'better-sqlite3'
      ? 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()'
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
  const rows: { name: string }[] = await dataSource.query(sql);
  return rows
    .map((r) => r.name)
    .filter((n) => n !== 'migrations')
    .sort();
}

// The same checked-in migrations must build the same schema on both databases the server supports.
describe.each([
  ['MariaDB', 'mysql'],
  ['SQLite', 'better-sqlite3'],
] as const)('migrations on %s', (_label, type) => {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    let database: AppConfig['database'];
    if (type === 'mysql') {
      const db: TestDatabase = await createTestDatabase();
      database = { type: 'mariadb', url: db.url };
      cleanup = () => db.drop();
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'pass-sqlite-'));
      database = { type, path: join(dir, 'pass.sqlite') };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    dataSource = new DataSource(dataSourceOptions(database));
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await cleanup();
  });

  it('runs every migration on an empty database', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(await tableNames(dataSource)).toEqual(expectedTables);
  });

  it('leaves nothing for the entities to change (migrations and entities agree)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('is a no-op when run again', async () => {
    expect(await dataSource.runMigrations()).toEqual([]);
  });

  it('reverts every migration, then applies them again', async () => {
    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();
    expect(await tableNames(dataSource)).toEqual([]);
    await dataSource.runMigrations();
    expect(await tableNames(dataSource)).toEqual(expectedTables);
  });
});
