import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { isSqlite } from './locks.js';
import type { Statement } from './plain-rows.js';

/**
 * What one statement of a batch answered: the rows of a SELECT, the rows changed (matched, for an
 * UPDATE) otherwise, and on MariaDB the statement's LAST_INSERT_ID (0 when it set none).
 */
export interface StatementResult {
  rows: ObjectLiteral[];
  affected: number;
  insertId: number;
}

/** A query run with others (runStatements), with what makes its answer of its rows. */
export interface ReadingStatement<T> extends Statement {
  read: (rows: ObjectLiteral[]) => T;
}

/** The `?, ?, …` of `IN (…)` for these values; `NULL` for none, which matches nothing (`IN ()` is not SQL). */
export function placeholders(values: readonly unknown[]): string {
  return values.length > 0 ? values.map(() => '?').join(', ') : 'NULL';
}

/** What MariaDB answers a data-changing statement with (mysql2's ResultSetHeader). */
interface ResultHeader {
  affectedRows?: number;
  insertId?: number;
}

/**
 * Runs `statements` in order in the caller's transaction and answers each one's result. On MariaDB
 * they go as one multi-statement packet: one round trip instead of one each. Why: a statement sent
 * alone costs the server process about 0.1 ms of CPU, most of it the socket write and the wake-up of
 * MariaDB's thread, a few µs inside a packet (docs/scaling.md §4.3); an approval is bound by that
 * CPU, and every round trip taken while an issuer's serial is locked is time every other approval of
 * the issuer waits. MariaDB stops at the first statement that fails and reports its error, which the
 * caller's transaction then rolls back (a deadlock has already rolled it back), so nothing of a failed
 * batch remains and nothing after it runs outside the transaction. Only statements whose text is the
 * code's own, every value a `?` parameter: the pool allows several statements per packet for this
 * (data-source.ts). SQLite runs them one by one (in process, a round trip costs nothing).
 */
export async function runStatements(
  manager: EntityManager,
  statements: readonly Statement[],
): Promise<StatementResult[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive || committed.has(manager)) throw new Error('runStatements needs a transaction');
  // The first batch of a batchedTransaction opens it, in the same packet.
  if (unbegun.delete(manager)) {
    return (await runStatements(manager, [{ sql: 'START TRANSACTION', params: [] }, ...statements])).slice(1);
  }
  if (isSqlite(manager) || statements.length <= 1) {
    const results: StatementResult[] = [];
    for (const { sql, params } of statements) {
      const { records, affected, raw } = await runner.query(sql, params, true);
      results.push({ rows: records ?? [], affected: affected ?? 0, insertId: Number(raw?.insertId ?? 0) });
    }
    return results;
  }
  const answers = (await runner.query(
    statements.map((s) => s.sql).join(';\n'),
    statements.flatMap((s) => s.params),
  )) as (ObjectLiteral[] | ResultHeader)[];
  return answers.map((answer) =>
    Array.isArray(answer)
      ? { rows: answer, affected: 0, insertId: 0 }
      : { rows: [], affected: answer.affectedRows ?? 0, insertId: Number(answer.insertId ?? 0) },
  );
}

/**
 * Runs a transaction's last statements as runStatements does, and on MariaDB its COMMIT in the same
 * packet: what they lock (an issuer's serial, a review step's count rows) is let go as the packet
 * runs, not one round trip later, a round trip in which every other approval of the issuer waits
 * (docs/scaling.md §4.3). A statement that fails stops the packet before the COMMIT, and the
 * transaction is rolled back as runStatements says. Only for a transaction whose every check is
 * settled before these statements and that runs nothing after them: a query after would be
 * autocommitted, so runStatements refuses one. In a batchedTransaction that is the end; TypeORM's own
 * transaction() still sends its COMMIT when the callback returns, which finds none open and does nothing.
 */
export async function commitWithStatements(
  manager: EntityManager,
  statements: readonly Statement[],
): Promise<StatementResult[]> {
  // SQLite runs them one by one (a round trip costs nothing in process) and TypeORM commits after.
  const commit = isSqlite(manager) ? [] : [{ sql: 'COMMIT', params: [] }];
  const results = await runStatements(manager, [...statements, ...commit]);
  committed.add(manager);
  return results.slice(0, statements.length);
}

/**
 * The transactions' managers (one per transaction; on SQLite the query runner is shared) that
 * commitWithStatements ended: on SQLite too, so that the rule is tested there.
 */
const committed = new WeakSet<EntityManager>();

/** The batchedTransactions whose START TRANSACTION has not been sent yet: it goes with their first batch. */
const unbegun = new WeakSet<EntityManager>();

/**
 * A transaction that costs two round trips fewer on MariaDB than TypeORM's transaction(): its START
 * TRANSACTION is sent with its first batch of statements (runStatements), and it sends no COMMIT of
 * its own after commitWithStatements has committed it. Why: every round trip costs the server process
 * about 0.1 ms of CPU (runStatements), and an approval, which runs in one of these, is bound by that
 * CPU (docs/scaling.md §4.3). Its first statement must go through runStatements: a TypeORM query
 * before it would run outside the transaction, so one is refused. A rollback is sent on failure once
 * the transaction has begun (after a deadlock MariaDB has already rolled it back; the ROLLBACK then
 * does nothing). SQLite uses TypeORM's transaction() (serialiseSqlite), as every other transaction there.
 */
export async function batchedTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (isSqlite(dataSource.manager)) return dataSource.transaction(work);
  const runner = dataSource.createQueryRunner();
  const { manager } = runner;
  const query = runner.query.bind(runner);
  runner.query = ((...args: Parameters<typeof query>) => {
    if (unbegun.has(manager)) throw new Error('a batchedTransaction begins with runStatements');
    return query(...args);
  }) as typeof runner.query;
  // TypeORM's own flag, which runStatements checks (transaction() sets it in startTransaction()).
  const state = runner as { isTransactionActive: boolean };
  state.isTransactionActive = true;
  unbegun.add(manager);
  try {
    const result = await work(manager);
    if (!unbegun.has(manager) && !committed.has(manager)) await query('COMMIT');
    return result;
  } catch (error) {
    if (!unbegun.has(manager) && !committed.has(manager)) await query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    state.isTransactionActive = false;
    await runner.release();
  }
}

/** What a statement given to readStatements answers: its read's value, null for a statement left out (null). */
type ReadOf<S> = S extends ReadingStatement<infer T> ? T : null;

/**
 * Runs the reading statements that do not need each other's answers together (runStatements: one
 * round trip on MariaDB) and answers, in order, what each makes of its rows; a null in the list is a
 * statement the caller does not need this time, sent as nothing and answered null. The reads run in
 * the order given, so the first one that refuses (throws) is the one the caller would have met first
 * reading them one by one.
 */
export async function readStatements<const S extends readonly (ReadingStatement<unknown> | null)[]>(
  manager: EntityManager,
  statements: S,
): Promise<{ -readonly [K in keyof S]: ReadOf<S[K]> }> {
  const sent = statements.filter((s): s is ReadingStatement<unknown> => s !== null);
  const results = await runStatements(manager, sent);
  let next = 0;
  return statements.map((s) => (s ? s.read(results[next++]!.rows) : null)) as {
    -readonly [K in keyof S]: ReadOf<S[K]>;
  };
}
