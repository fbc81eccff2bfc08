import { coveredRegionCodes } from '@pass/shared';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { branchSql, runBranches } from '../database/ordered-branches.js';

/** Where an actor's passes are, as a condition on the list's alias `p` (none for an admin). */
export type ListScope = { where: string; parameters: ObjectLiteral } | null;

/** One query of a merged list: an equality on `index`'s leading columns, then the actor's scope if any. */
export interface ListBranch {
  where: string;
  index: string;
  parameters: ObjectLiteral;
  scope: ListScope;
}

/** The columns a county's or city's passes are found by: reviewed first there, issued there. */
const columns = [
  { column: 'routing_county', index: 'routing' },
  { column: 'issuer_code', index: 'issuer' },
] as const;

/**
 * A county's or city's passes, one branch per covered code and column, each an equality on an index
 * whose next column is `issued_at`.
 */
export function coveredCodeBranches(jurisdiction: string): ListBranch[] {
  return coveredRegionCodes(jurisdiction).flatMap((key) =>
    columns.map(({ column, index }) => ({
      where: `p.${column} = :key`,
      index: `idx_passes_${index}`,
      parameters: { key },
      scope: null,
    })),
  );
}

/**
 * The passes of some enterprises in a county or city, one branch per enterprise, column and covered code
 * it has passes at (`idx_passes_enterprise_routing`, `idx_passes_enterprise_issuer`, each at most a page
 * in `issued_at` order). Which pairs have passes is asked first, in one statement: every (enterprise,
 * code) pair, each kept if an index lookup finds a pass (EXISTS: one entry read per pair, however many
 * passes it has; a GROUP BY would read them all unless MariaDB's estimates chose a loose index scan).
 * Ten enterprises a name matches × a city's dozen codes × two columns made 240 branches, nearly all
 * empty, and MariaDB spent ~20 ms opening and planning them (docs/scaling.md §6). A pass of a new pair
 * issued between the two statements is left out of this page, as one issued just after the list was read.
 */
export async function enterpriseCodeBranches(
  dataSource: DataSource,
  jurisdiction: string,
  enterpriseIds: string[],
): Promise<ListBranch[]> {
  if (enterpriseIds.length === 0) return [];
  const codes = coveredRegionCodes(jurisdiction);
  const parameters = Object.fromEntries([
    ...enterpriseIds.map((id, i) => [`e${i}`, id]),
    ...codes.map((code, i) => [`c${i}`, code]),
  ]);
  const mysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  const pairs = await runBranches<{ enterpriseId: string; code: string; side: string }>(
    dataSource,
    columns.map(({ column, index }) => ({
      sql: branchSql(
        dataSource,
        JSON.stringify(['passes-enterprise-codes', column, enterpriseIds.length, codes.length]),
        () =>
          // Literal rows, not `IN` lists: each pair is a row the EXISTS looks up by both columns.
          `SELECT listed_enterprise.id AS enterpriseId, covered_code.code AS code, '${index}' AS side` +
          ` FROM (${enterpriseIds.map((_, i) => `SELECT :e${i} AS id`).join(' UNION ALL ')}) listed_enterprise` +
          ` CROSS JOIN (${codes.map((_, i) => `SELECT :c${i} AS code`).join(' UNION ALL ')}) covered_code` +
          ` WHERE EXISTS (SELECT 1 FROM ${dataSource.driver.escape('passes')} p${mysql ? ` USE INDEX (idx_passes_enterprise_${index})` : ''}` +
          ` WHERE p.enterprise_id = listed_enterprise.id AND p.${column} = covered_code.code)`,
      ),
      parameters,
    })),
  );
  return pairs.map(({ enterpriseId, code, side }) => {
    const { column, index } = columns.find((c) => c.index === side) ?? columns[0];
    return {
      where: `p.enterprise_id = :enterpriseId AND p.${column} = :key`,
      index: `idx_passes_enterprise_${index}`,
      parameters: { key: code, enterpriseId },
      scope: null,
    };
  });
}
