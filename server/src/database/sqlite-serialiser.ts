import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Makes the embedded SQLite database safe for concurrent requests.
 *
 * TypeORM's better-sqlite3 driver gives every caller the same single connection. Two requests that
 * open transactions at once would share it: the second `BEGIN` becomes a savepoint inside the first,
 * and a plain query of another request would run (and roll back) inside someone else's transaction.
 * So within one process, every transaction (and every implicit one of `save`/`remove`) runs alone:
 * an async mutex whose holder is known through AsyncLocalStorage, so the holder's own queries pass
 * and everyone else's wait for the commit.
 *
 * Across processes sharing the file, transactions start with `BEGIN IMMEDIATE`: they take SQLite's
 * write lock before their first read, so two processes' read-check-write transactions serialise
 * (a deferred `BEGIN` would read first and then fail with SQLITE_BUSY on upgrading to write, which
 * busy_timeout cannot retry). The driver's `timeout` option is the busy_timeout they wait up to.
 *
 * One rule follows for code on SQLite: inside a transaction, never await a promise that was started
 * outside it and queries the database (a shared cache's pending load): that query waits for the
 * transaction, which waits for it.
 */
export function serialiseSqlite(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const holder = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (holder.getStore()) return work();
    const turn = tail.then(() => holder.run(true, work));
    tail = turn.catch(() => undefined);
    return turn;
  };

  const driver = dataSource.driver as { createQueryRunner(mode: string): QueryRunner };
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  const patched = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode: string) => {
    const runner = createQueryRunner(mode);
    if (!patched.has(runner)) {
      patched.add(runner);
      const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
      runner.query = ((sql: string, ...rest: unknown[]) =>
        exclusive(() =>
          query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest),
        )) as QueryRunner['query'];
    }
    return runner;
  };

  // The entry points that open a transaction on the shared connection and keep it across awaits.
  const manager = dataSource.manager as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['transaction', 'save', 'remove', 'softRemove', 'recover'] satisfies (keyof EntityManager)[]) {
    const original = manager[method]!.bind(manager);
    manager[method] = (...args: unknown[]) => exclusive(() => original(...args));
  }
}
