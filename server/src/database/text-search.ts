import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Narrows a list to the rows where any of these columns contains the text someone typed in a search
 * field. LIKE's own wildcards in the text are literal ('!' escapes alike on MySQL and SQLite).
 */
export function whereContains<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  columns: string[],
  text: string,
): SelectQueryBuilder<T> {
  const pattern = `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return builder.andWhere(`(${columns.map((c) => `${c} LIKE :pattern ESCAPE '!'`).join(' OR ')})`, { pattern });
}
