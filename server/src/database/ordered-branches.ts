import type { DataSource, ObjectLiteral } from 'typeorm';

/** One branch of a merged list: its SQL with named parameters (`:key`, see `branchSql`) and their values. */
export interface Branch {
  sql: string;
  parameters: ObjectLiteral;
}

/**
 * Runs several index-ordered, limited queries as one statement (`SELECT * FROM (…) b0 UNION ALL
 * SELECT * FROM (…) b1 …`) and returns all their rows, for the caller to merge. Each branch is an
 * equality on an index's leading columns, ordered by the index's next column and limited to a page,
 * so the database reads at most a page from each. Lists whose scope is an OR (a queue and its
 * escalations, a pass routed or issued here, the counties of a city) are written this way: one query
 * with the OR makes MySQL read the whole table once there are a million rows (docs/scaling.md §6.1).
 * The same SQL runs on SQLite; one statement keeps a city's two dozen branches to one round trip.
 */
export async function runBranches<T>(dataSource: DataSource, branches: readonly Branch[]): Promise<T[]> {
  if (branches.length === 0) return [];
  const sql: string[] = [];
  const parameters: unknown[] = [];
  branches.forEach((branch, i) => {
    const [query, values] = dataSource.driver.escapeQueryWithParameters(branch.sql, branch.parameters);
    sql.push(`SELECT * FROM (${query}) b${i}`);
    parameters.push(...values);
  });
  return dataSource.query(sql.join(' UNION ALL '), parameters);
}

const builtSql = new WeakMap<DataSource, Map<string, string>>();

/**
 * A branch's SQL with its named parameters left in (a query builder's `getQuery()`), built by `build`
 * once per data source and `shape`: the shape must name everything `build` reads but parameter values
 * (its conditions, index, limit, whether a cursor applies). Building and rendering a TypeORM query
 * builder costs tens of microseconds of CPU: a city's name search built up to 240 of them, most of the
 * request's CPU (docs/scaling.md §6). Shapes are a few dozen per list, so the map stays small.
 */
export function branchSql(dataSource: DataSource, shape: string, build: () => string): string {
  const shapes = builtSql.get(dataSource) ?? new Map<string, string>();
  builtSql.set(dataSource, shapes);
  const cached = shapes.get(shape);
  if (cached === undefined) {
    const sql = build();
    shapes.set(shape, sql);
    return sql;
  }
  // Under test every reuse is checked against a fresh build: a condition that `build` reads but the
  // shape leaves out would otherwise hand one request another's SQL, silently.
  if (checkShapes && build() !== cached) {
    throw new Error(`branchSql: shape ${shape} does not name everything its SQL depends on`);
  }
  return cached;
}

/**
 * Under Jest only (its workers set JEST_WORKER_ID, and the servers tests start inherit it): not by
 * NODE_ENV=test, which a server started outside Jest may run under, so that only tests pay the check.
 */
const checkShapes = process.env.JEST_WORKER_ID !== undefined;

/** Rows of several ordered branches in one order, each id once, `limit` at most. */
export function mergeBranches<R extends { id: string }>(
  rows: readonly R[],
  compare: (a: R, b: R) => number,
  limit: number,
): R[] {
  const seen = new Set<string>();
  return [...rows]
    .sort(compare)
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, limit);
}

/** Rows fetched by id, in the order of `ids` (ids no longer found are left out). */
export function inOrderOf<R extends { id: string }>(ids: readonly string[], rows: readonly R[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Compares ids as the databases do for our lowercase UUIDs. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
