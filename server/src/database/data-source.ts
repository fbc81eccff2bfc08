import { chmodSync, closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, type DataSourceOptions, getMetadataArgsStorage } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { migrations } from './migrations/index.js';
import { serialiseSqlite } from './sqlite-serialiser.js';

/**
 * Every feature's entities, found by file name so that this core module names no feature. The server
 * itself does not use this list: each feature module registers its own (autoLoadEntities); the
 * stand-alone data source of the seed CLI and of the migration tests does. Loaded here, one file at a
 * time, rather than by TypeORM's glob: its parallel import() from CommonJS races in Jest's module loader.
 */
const sourceRoot = dirname(dirname(fileURLToPath(import.meta.url)));
type EntityClass = new (...args: never[]) => unknown;
const entities: EntityClass[] = [];
for (const file of readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' }).sort()) {
  if (!/\.entity\.(ts|js)$/.test(file) || file.endsWith('.d.ts')) continue;
  const exported: Record<string, unknown> = await import(join(sourceRoot, file));
  const tables = getMetadataArgsStorage().tables;
  entities.push(...Object.values(exported).filter((v): v is EntityClass => tables.some((t) => t.target === v)));
}

export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
  } as const;
  if (database.type !== 'better-sqlite3') {
    return {
      ...common,
      type: database.type,
      url: database.url,
      ...(database.socketPath ? { socketPath: database.socketPath } : {}),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      connectTimeout: 5_000,
      // trace: mysql2 would capture a stack trace (Error.captureStackTrace) on every query to give
      // its errors the caller's frames: 4 % of an approval's CPU (docs/scaling.md §4.3). TypeORM's
      // QueryFailedError already names the statement. multipleStatements: an approval sends its last
      // writes in one packet (runStatements). Safe only because no statement's text is built from what
      // a client sent: every value, on every path, is a `?` or `:name` parameter that mysql2 escapes;
      // identifiers spliced into SQL are the code's own constants (docs/scaling.md §4.3).
      extra: { connectionLimit: 20, trace: false, multipleStatements: true },
    };
  }
  if (database.path !== ':memory:') {
    mkdirSync(dirname(database.path), { recursive: true, mode: 0o700 });
    // The file holds personal data: readable by the server's user only. Created here with that mode so
    // it never exists world-readable; SQLite gives its -wal and -shm files the database file's mode.
    closeSync(openSync(database.path, 'a', 0o600));
    chmodSync(database.path, 0o600);
  }
  // `timeout` is SQLite's busy_timeout: how long a transaction waits for another process's write lock.
  return { ...common, type: 'better-sqlite3', database: database.path, enableWAL: true, timeout: 15_000 };
}

/** A DataSource whose SQLite transactions are safe under concurrent requests (see serialiseSqlite). */
export function createDataSource(options: DataSourceOptions): DataSource {
  const dataSource = new DataSource(options);
  serialiseSqlite(dataSource);
  return dataSource;
}

/** Opens the database and brings its schema up to date; the server calls this before it listens. */
export async function openDatabase(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = createDataSource(dataSourceOptions(database));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
