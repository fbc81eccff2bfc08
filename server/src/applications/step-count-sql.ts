/**
 * The statements that count the review steps' applications again from the applications table, for
 * whoever writes applications other than through the workflow: the bench's and tests' bulk seeding.
 * No imports: the bench loads this file from server/dist. `dialect` is TypeORM's driver type.
 */
export const noDueHour = 2_147_483_647;

/** The hour (since 1970 UTC) of a stored `due_at`, in SQL: datetimes are stored as UTC. */
function dueHourSql(dialect: string, column: string): string {
  const hour =
    dialect === 'better-sqlite3'
      ? `CAST(strftime('%s', ${column}) AS INTEGER) / 3600`
      : `TIMESTAMPDIFF(HOUR, '1970-01-01 00:00:00', ${column})`;
  return `COALESCE(${hour}, ${noDueHour})`;
}

export function recountStepCountsSql(dialect: string): string[] {
  const side = (name: string, prefix: string) =>
    `INSERT INTO review_step_counts (jurisdiction, level, side, due_hour, n)
     SELECT j, l, '${name}', h, COUNT(*) FROM (
       SELECT ${prefix}_jurisdiction AS j, ${prefix}_level AS l, ${dueHourSql(dialect, 'due_at')} AS h
         FROM applications WHERE ${prefix}_jurisdiction IS NOT NULL AND ${prefix}_level IS NOT NULL
     ) waiting GROUP BY j, l, h`;
  return ['DELETE FROM review_step_counts', side('current', 'current'), side('escalation', 'escalation')];
}
