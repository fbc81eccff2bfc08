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
  /** The first workers until they listen: one that ends before fails the start (and is not replaced). */
  const starting = new Set<number>();
  const fork = (env: Record<string, string> = {}) =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork(env);
      starting.add(worker.id);
      worker.once('listening', () => {
        starting.delete(worker.id);
        resolve(worker);
      });
      worker.once('exit', (code, signal) =>
        reject(new Error(`server process ended (${signal ?? code}) before listening`)),
      );
    });
  await fork();

  // Registered before the other workers start: the first one, should it die while they start, must be
  // replaced too.
  let stopping = false;
  let restarts: number[] = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (starting.has(worker.id)) return;
    const now = Date.now();
    restarts = [...restarts.filter((t) => t > now - 60_000), now];
    if (restarts.length > maxRestartsPerMinute) {
      logger.error(`server process ${worker.process.pid} ended (${signal ?? code}); too many restarts, stopping`);
      process.exit(1);
    }
    logger.error(`server process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    cluster.fork({ SEED_DEMO: 'false' });
  });
  // Only the first one seeds the demo: the others would find it done, but need not ask.
  await Promise.all(Array.from({ length: count - 1 }, () => fork({ SEED_DEMO: 'false' })));
  logger.log(`${count} server processes listening (SERVER_PROCESSES)`);

  const stop = () => {
    stopping = true;
    // Each worker closes its app (enableShutdownHooks) and ends; the last one to end ends this process.
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
