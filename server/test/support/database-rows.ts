import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import type { TestDatabase } from './test-database.js';

/**
 * Reads rows straight from a test database, as a second opinion on what the API answered: a MariaDB
 * connection of its own, or the SQLite file opened read-only next to the servers using it (WAL lets a
 * reader in while they write). Portable SQL only, with `?` placeholders.
 */
export async function queryRows<T = Record<string, unknown>>(
  database: TestDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (database.kind === 'sqlite') {
    const db = new Database(database.url, { readonly: true, fileMustExist: true, timeout: 15_000 });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const conn = await mysql.createConnection(database.url);
  try {
    return (await conn.query(sql, params))[0] as T[];
  } finally {
    await conn.end();
  }
}

/** `SELECT COUNT(*) AS n …` as a number. */
export async function countRows(database: TestDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(database, sql, params);
  return Number(row?.n ?? 0);
}

/** Writes a row as time would have: the tests cannot wait days for a deadline to pass. */
export async function execute(database: TestDatabase, sql: string, params: unknown[]): Promise<void> {
  if (database.kind === 'sqlite') {
    const db = new Database(database.url, { timeout: 15_000 });
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const conn = await mysql.createConnection(database.url);
  try {
    await conn.query(sql, params);
  } finally {
    await conn.end();
  }
}
