import type { DataSource } from 'typeorm';

/**
 * Every statement text the data source's query runners send from now on (START and COMMIT among
 * them), one list per runner: a transaction each. `stop()` puts the data source back.
 */
export function recordStatements(dataSource: DataSource) {
  const create = dataSource.createQueryRunner.bind(dataSource);
  const runners: string[][] = [];
  dataSource.createQueryRunner = (...args) => {
    const runner = create(...args);
    const sent: string[] = [];
    runners.push(sent);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      sent.push(sql.trim());
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof runner.query;
    return runner;
  };
  return {
    stop: () => {
      dataSource.createQueryRunner = create;
    },
    transactions: () => runners,
  };
}
