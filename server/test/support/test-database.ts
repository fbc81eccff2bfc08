import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { AppConfig } from '../../src/config/app-config.js';

/**
 * The MariaDB server the tests use, as a user allowed to create and drop `pass_test_*` databases.
 * `scripts/lib/mariadb.sh` creates that user; override with TEST_MYSQL_URL.
 */
export const testServerUrl = process.env.TEST_MYSQL_URL ?? 'mariadb://pass:pass@127.0.0.1:3306';

/**
 * Which database the server tests run on: MariaDB, or with TEST_DB=sqlite (the `server-sqlite` Jest
 * project) the embedded SQLite file that is the product's default.
 */
export const testDatabaseKind: 'mariadb' | 'sqlite' = process.env.TEST_DB === 'sqlite' ? 'sqlite' : 'mariadb';

export interface TestDatabase {
  kind: 'mariadb' | 'sqlite';
  /** The MariaDB URL, or the SQLite file's path. */
  url: string;
  name: string;
  /** As the server's settings take it. */
  config: AppConfig['database'];
  /**
   * What a server (in-process or a child process) needs in its environment to use this database:
   * DB_URL for MariaDB; for SQLite the data folder holding `pass.sqlite` (processes sharing it share
   * the file).
   */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A new, empty database for one test file, on the real MariaDB server or in a fresh SQLite file. */
export async function createTestDatabase(kind = testDatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pass-sqlite-'));
    const path = join(dir, 'pass.sqlite');
    return {
      kind,
      url: path,
      name: path,
      config: { type: 'better-sqlite3', path },
      env: { DATA_DIR: dir },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `pass_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(testServerUrl);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = `${testServerUrl.replace(/\/$/, '')}/${name}`;
  return {
    kind,
    name,
    url,
    config: { type: 'mariadb', url },
    env: { DB_URL: url },
    async drop() {
      const conn = await mysql.createConnection(testServerUrl);
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
