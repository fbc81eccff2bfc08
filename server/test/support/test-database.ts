import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/**
 * The MariaDB server the tests use, as a user allowed to create and drop `pass_test_*` databases.
 * `scripts/lib/mariadb.sh` creates that user; override with TEST_MYSQL_URL.
 */
export const testServerUrl = process.env.TEST_MYSQL_URL ?? 'mariadb://pass:pass@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty database on the real MariaDB server, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pass_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(testServerUrl);
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: `${testServerUrl.replace(/\/$/, '')}/${name}`,
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
