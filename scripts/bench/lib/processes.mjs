// The processes under load: the real server (server/dist/main.js) and the bare baselines, each alone
// in its own Node process, as the load generator (autocannon, in the bench's process) sees them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { freePort, repoRoot, sleep } from './common.mjs';

async function startProcess(args, env, healthPath, readyPattern) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    log = (log + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // Migrating a new database and seeding the demo take a minute or more when the machine is busy, and
  // several server processes start one after the other (the first migrates alone).
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      // With several processes the port answers once the first listens; `readyPattern` waits for all.
      if ((await fetch(url + healthPath)).ok && (!readyPattern || readyPattern.test(log))) {
        return { url, pid: child.pid, output: () => log, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stop();
  throw new Error(`${args.join(' ')} did not come up at ${url}:\n${log}`);
}

const benchSecrets = {
  JWT_SECRET: randomBytes(32).toString('base64url'),
  DATA_KEY: randomBytes(32).toString('base64'),
};

/**
 * The built server on the bench database; request logs off (LOG_LEVEL=warn) unless BENCH_LOG_LEVEL says
 * otherwise. BENCH_SERVER_ENTRY runs another build instead (e.g. the previous commit's `dist`, copied to
 * `server/dist-before/` so that it finds its packages), to measure before and after in the same conditions;
 * `entry` another one beside it (BENCH_COMPARE, sections/compare.mjs).
 */
export function startServer(env, entry = process.env.BENCH_SERVER_ENTRY ?? 'server/dist/main.js') {
  const several = env.SERVER_PROCESSES !== undefined && env.SERVER_PROCESSES !== '1';
  return startProcess(
    // As README runs it: the old generation bounded, so RSS reads live data, not a GC's timing.
    ['--max-old-space-size=1024', entry],
    {
      // Measured as deployed: production mode, whose secrets come from the environment (one pair per
      // bench run, so the multi-process server accepts the single-process server's tokens).
      NODE_ENV: 'production',
      ...benchSecrets,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      H5_DIR: '/nonexistent',
      // The bench verifies from one address thousands of times a second: it must measure the server, not 429s.
      PUBLIC_VERIFY_RATE_LIMIT: '100000000',
      ...env,
    },
    '/api/health',
    several ? /server processes listening/ : undefined,
  );
}

const bareServer = fileURLToPath(new URL('../bare-server.mjs', import.meta.url));

/** A server that answers every request with the same small JSON: `node` (node:http) or `fastify`. */
export function startBareServer(kind) {
  return startProcess([bareServer, kind], {}, '/');
}
