import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';

/** A worker that ends more often than this in a minute is not started again: it would only crash again. */
const maxRestartsPerMinute = 5;

/**
 * SERVER_PROCESSES > 1: this process (node:cluster's primary) holds the listening port and hands each
 * connection to one of `count` workers, each an ordinary server instance on the shared database
 * (docs/scaling.md §2–3), so one machine's cores all serve. The first worker starts alone: it runs
 * the migrations (and seeds the demo) before the others open the same database.
 */
export async function runServerProcesses(count: number): Promise<void> {
  const logger = new Logger('ServerProcesses');
  const fork = (env: Record<string, string> = {}) =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork(env);
      worker.once('listening', () => resolve(worker));
      worker.once('exit', (code, signal) =>
        reject(new Error(`server process ended (${signal ?? code}) before listening`)),
      );
    });
  await fork();
  // Only the first one seeds the demo: the others would find it done, but need not ask.
  await Promise.all(Array.from({ length: count - 1 }, () => fork({ SEED_DEMO: 'false' })));
  logger.log(`${count} server processes listening (SERVER_PROCESSES)`);

  let stopping = false;
  let restarts: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts = [...restarts.filter((t) => t > now - 60_000), now];
    if (restarts.length > maxRestartsPerMinute) {
      logger.error(`server process ${worker.process.pid} ended (${signal ?? code}); too many restarts, stopping`);
      process.exit(1);
    }
    logger.error(`server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork({ SEED_DEMO: 'false' });
  });
  const stop = () => {
    stopping = true;
    // Each worker closes its app (enableShutdownHooks) and ends; the last one to end ends this process.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
