/** SQLite hands back DATETIME columns of raw queries as text in UTC without a zone; mysql2 a Date. */
export const sqlDateTime = (value: string | Date) =>
  value instanceof Date
    ? value
    : new Date(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`);

/** Raw DATE columns: text from SQLite, a Date at UTC midnight from mysql2 (the pool runs in UTC). */
export const sqlDate = (value: string | Date) => (value instanceof Date ? value.toISOString() : value).slice(0, 10);
