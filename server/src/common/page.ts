import type { Page } from '@pass/shared';

/**
 * A keyset page from `limit + 1` rows fetched in page order: the extra row only says that more follow,
 * and the cursor is the last row shown.
 */
export function pageOf<R, V>(
  rows: readonly R[],
  limit: number,
  toView: (row: R) => V,
  cursorOf: (last: R) => string,
): Page<V> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toView), nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
