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

/**
 * Narrows a query to the rows whose column starts with `text`, as a range of the column's index: MySQL
 * reads `LIKE 'text%'` as one (in the column's collation); SQLite does so only for a case-insensitive
 * column, so there the range is written out, from `text` to `text` followed by the last code point.
 */
export function whereStartsWith<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  column: string,
  text: string,
  name = 'prefix',
): SelectQueryBuilder<T> {
  if (builder.connection.options.type === 'better-sqlite3') {
    return builder.andWhere(`${column} >= :${name}From AND ${column} < :${name}To`, {
      [`${name}From`]: text,
      [`${name}To`]: `${text}\u{10FFFF}`,
    });
  }
  return builder.andWhere(`${column} LIKE :${name} ESCAPE '!'`, {
    [name]: `${text.replace(/[!%_]/g, (c) => `!${c}`)}%`,
  });
}

/** At most this many enterprises or vehicles a name or a plate's beginning stands for in a search. */
export const searchMatchLimit = 10;
