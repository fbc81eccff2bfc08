import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Runs several index-ordered, limited queries as one statement (`SELECT * FROM (…) b0 UNION ALL
 * SELECT * FROM (…) b1 …`) and returns all their rows, for the caller to merge. Each branch is an
 * equality on an index's leading columns, ordered by the index's next column and limited to a page,
 * so the database reads at most a page from each. Lists whose scope is an OR (a queue and its
 * escalations, a pass routed or issued here, the counties of a city) are written this way: one query
 * with the OR makes MySQL read the whole table once there are a million rows (docs/scaling.md §6.1).
 * The same SQL runs on SQLite; one statement keeps a city's two dozen branches to one round trip.
 */
export async function runBranches<T>(
  dataSource: DataSource,
  branches: readonly SelectQueryBuilder<ObjectLiteral>[],
): Promise<T[]> {
  if (branches.length === 0) return [];
  const sql: string[] = [];
  const parameters: unknown[] = [];
  branches.forEach((branch, i) => {
    const [query, values] = branch.getQueryAndParameters();
    sql.push(`SELECT * FROM (${query}) b${i}`);
    parameters.push(...values);
  });
  return dataSource.query(sql.join(' UNION ALL '), parameters);
}

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
