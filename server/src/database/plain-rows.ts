import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';
import { isSqlite } from './locks.js';

// Plain statements for the rows of the issuance path, with TypeORM's metadata and its drivers' value
// conversions but without its query builder. Why: an approval writes six rows and reads or locks four
// in its transaction, and TypeORM builds every statement anew (escaping and re-parsing every column
// name, then for an insert emulating RETURNING to copy generated values back, which these tables, whose
// ids the application sets, never have). Profiled under the issuance bench that was most of a
// statement's cost to the server, more than running it. Here each table's statement text is worked
// out once. Only for plain tables: a generated, version or discriminator column (which TypeORM fills
// in itself on insert) is refused by insertRows.

/** An entity's INSERT, worked out once per table: the columns in order and the statement's parts. */
interface InsertPlan {
  columns: ColumnMetadata[];
  /** `table (a, b, …) VALUES `, after the statement's verb. */
  into: string;
  row: string;
}

const plans = new WeakMap<EntityMetadata, InsertPlan>();

export interface InsertOptions {
  /**
   * A row whose primary or unique key is already taken is skipped instead of failing the statement
   * (the notice a scheduled scan sees again): MariaDB `INSERT IGNORE`, SQLite `ON CONFLICT DO NOTHING`.
   * Only duplicates are skipped. SQLite's `INSERT OR IGNORE` would also drop a row breaking NOT NULL
   * without a word, so its upsert clause, which covers only uniqueness, is used; MariaDB's IGNORE turns
   * every error into a warning (a NULL written as '', a long value cut), so a statement with more
   * warnings than skipped rows is refused with an error: inside a transaction nothing of it remains.
   */
  skipDuplicates?: boolean;
}

/** What the drivers answer a plain INSERT with (TypeORM's structured result). */
interface InsertResult {
  affected?: number;
  raw?: { warningStatus?: number } | number;
}

/** One statement and its parameters, to run alone or with others (runStatements). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** The plain `INSERT` of `rows` that insertRows runs (the entities' listeners run here). */
export function insertStatement<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  options: InsertOptions = {},
): Statement {
  const metadata = manager.connection.getMetadata(target);
  const plan = plans.get(metadata) ?? planFor(manager, metadata);
  const driver = manager.connection.driver;
  const params: unknown[] = [];
  for (const row of rows) {
    for (const listener of metadata.beforeInsertListeners) {
      if (listener.isAllowed(row)) listener.execute(row);
    }
    for (const column of plan.columns) {
      const value = column.getEntityValue(row);
      params.push(
        driver.preparePersistentValue(value === undefined ? (column.default ?? null) : value, column) ?? null,
      );
    }
  }
  const values = Array(rows.length).fill(plan.row).join(', ');
  const sql = !options.skipDuplicates
    ? `INSERT INTO ${plan.into}${values}`
    : isSqlite(manager)
      ? `INSERT INTO ${plan.into}${values} ON CONFLICT DO NOTHING`
      : `INSERT IGNORE INTO ${plan.into}${values}`;
  return { sql, params };
}

/**
 * Inserts `rows` of an entity in one plain `INSERT … VALUES (…), (…)`, with the values TypeORM's own
 * insert would write: the entity's `@BeforeInsert` listeners run first (ids and timestamps, BaseRecord),
 * then every column's value goes through the driver's `preparePersistentValue` (transformers, JSON,
 * dates and booleans as each database stores them), an unset column taking its declared default.
 * Answers how many rows were inserted: all of them, unless `skipDuplicates` skipped some (which ones
 * the databases do not say; a caller that needs to know reads the keys back).
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  options: InsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const { sql, params } = insertStatement(manager, target, rows, options);
  const sqlite = isSqlite(manager);
  const metadata = manager.connection.getMetadata(target);
  // The runner's structured answer (manager.query gives SQLite's last rowid, not the count).
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = (await runner.query(sql, params, true)) as InsertResult;
    const inserted = result.affected ?? rows.length;
    const warnings = typeof result.raw === 'object' ? (result.raw.warningStatus ?? 0) : 0;
    if (options.skipDuplicates && !sqlite && warnings > rows.length - inserted) {
      throw new Error(
        `insertRows: ${metadata.tableName}: ${warnings} warnings for ${rows.length - inserted} duplicates (a value MariaDB's IGNORE changed)`,
      );
    }
    return inserted;
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

function planFor(manager: EntityManager, metadata: EntityMetadata): InsertPlan {
  const columns = metadata.columns.filter((column) => column.isInsert);
  // A default given as SQL (a function, e.g. `() => 'CURRENT_TIMESTAMP'`) cannot be sent as a value.
  const refused = columns.find(
    (c) => c.isGenerated || c.isVersion || c.isDiscriminator || c.isVirtual || typeof c.default === 'function',
  );
  if (refused) throw new Error(`insertRows: ${metadata.tableName}.${refused.databaseName} is filled in by TypeORM`);
  const quoted = (name: string) => manager.connection.driver.escape(name);
  const plan = {
    columns,
    into: `${quoted(metadata.tablePath)} (${columns.map((c) => quoted(c.databaseName)).join(', ')}) VALUES `,
    row: `(${columns.map(() => '?').join(', ')})`,
  };
  plans.set(metadata, plan);
  return plan;
}

const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/** `alias.column, …` of every column of an entity, for a plain SELECT whose rows `hydrate` reads. */
export function selectList<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  alias: string,
): string {
  const metadata = manager.connection.getMetadata(target);
  const lists = selectLists.get(metadata) ?? new Map<string, string>();
  selectLists.set(metadata, lists);
  let list = lists.get(alias);
  if (!list) {
    const quoted = (name: string) => manager.connection.driver.escape(name);
    list = metadata.columns.map((c) => `${quoted(alias)}.${quoted(c.databaseName)}`).join(', ');
    lists.set(alias, list);
  }
  return list;
}

/** An entity from a raw row holding its columns by their names (`selectList`), as TypeORM hydrates it. */
export function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  raw: ObjectLiteral,
): T {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const value = raw[column.databaseName];
    if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return entity;
}

/**
 * `UPDATE … SET …` of the properties in `changes` on the rows whose properties equal `where` (or, for a
 * property given a list, are one of it), values converted as TypeORM's update would; its result
 * (runStatements) is how many rows matched.
 */
export function updateStatement<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: { [P in keyof T]?: T[P] | readonly T[P][] },
  changes: Partial<T>,
): Statement {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const quoted = (name: string) => driver.escape(name);
  const params: unknown[] = [];
  const columnOf = (property: string) => {
    const column = metadata.findColumnWithPropertyPath(property);
    if (!column) throw new Error(`updateStatement: ${metadata.tableName} has no column for ${property}`);
    return column;
  };
  const value = (column: ColumnMetadata, given: unknown) => {
    params.push(driver.preparePersistentValue(given, column) ?? null);
    return '?';
  };
  const set = Object.entries(changes).map(([property, given]) => {
    const column = columnOf(property);
    return `${quoted(column.databaseName)} = ${value(column, given)}`;
  });
  const conditions = Object.entries(where).map(([property, given]) => {
    const column = columnOf(property);
    if (!Array.isArray(given)) return `${quoted(column.databaseName)} = ${value(column, given)}`;
    // `IN (NULL)` for none: it matches nothing (`IN ()` is not SQL).
    const list = given.length > 0 ? given.map((one) => value(column, one)).join(', ') : 'NULL';
    return `${quoted(column.databaseName)} IN (${list})`;
  });
  // Rows listed by key are found by key on MariaDB: with many keys in a small table its optimizer scans
  // the whole primary index instead, locking every row it passes, and two such statements on rows of
  // their own deadlock (the outbox's claims did, at 100 rows a claim).
  const byKeys = Object.entries(where).some(
    ([property, given]) => Array.isArray(given) && columnOf(property).isPrimary && metadata.primaryColumns.length === 1,
  );
  const hint = byKeys && !isSqlite(manager) ? ' FORCE INDEX (PRIMARY)' : '';
  return {
    sql: `UPDATE ${quoted(metadata.tablePath)}${hint} SET ${set.join(', ')} WHERE ${conditions.join(' AND ')}`,
    params,
  };
}
