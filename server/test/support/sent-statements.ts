import type { DataSource, Logger, QueryRunner } from 'typeorm';

const begins = /^(START TRANSACTION|BEGIN)\b/;
/** A COMMIT or ROLLBACK alone, or ending a packet of statements (commitWithStatements). */
const ends = /(^|;\n)(COMMIT|ROLLBACK)$/;

/**
 * Every statement text the data source runs from now on, as the transactions they made: each list goes
 * from its START (or BEGIN) to its COMMIT or ROLLBACK, both included; statements outside a transaction
 * are left out. `stop()` puts the data source back.
 *
 * It listens at TypeORM's logger, which a query runner calls as the statement runs, not when it is
 * asked for. On SQLite every caller shares one connection and waits its turn (database/sqlite-serialiser),
 * so what a background worker asks for during a request's transaction runs, and is recorded, after it.
 */
export function recordStatements(dataSource: DataSource) {
  const source = dataSource as { logger: Logger };
  const logger = source.logger;
  const streams = new Map<QueryRunner | undefined, string[]>();
  source.logger = Object.assign(Object.create(logger) as Logger, {
    logQuery: (sql: string, parameters?: unknown[], runner?: QueryRunner) => {
      const stream = streams.get(runner) ?? [];
      streams.set(runner, stream);
      stream.push(sql.trim());
      return logger.logQuery(sql, parameters, runner);
    },
  });
  return {
    stop: () => {
      source.logger = logger;
    },
    /** Every statement recorded, by the query runner (the connection) that ran it, in order. */
    streams: () => [...streams.values()],
    transactions: () => {
      const transactions: string[][] = [];
      for (const stream of streams.values()) {
        let open: string[] | null = null;
        for (const sql of stream) {
          if (!open && begins.test(sql)) {
            open = [];
            transactions.push(open);
          }
          if (!open) continue;
          open.push(sql);
          if (ends.test(sql)) open = null;
        }
      }
      return transactions;
    },
  };
}
