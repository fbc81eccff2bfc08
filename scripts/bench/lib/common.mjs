// What every part of the benchmark shares: where things are, the run's size, and a few small tools.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

// mysql2, fastify and qrcode are the server's dependencies, not the root's: resolve them from there.
export const serverRequire = createRequire(new URL('../../../server/package.json', import.meta.url));

const quick = ['1', 'true'].includes(process.env.BENCH_QUICK ?? '');

function intFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return value;
}

/** The run's size: BENCH_QUICK=1 for a short run, single BENCH_* variables for anything else. */
export const settings = {
  quick,
  /** Passes (and as many approved applications) bulk-loaded for the lookup and queue latencies. */
  passes: intFromEnv('BENCH_PASSES', quick ? 100_000 : 1_000_000),
  /** Seconds of load per throughput measurement. */
  seconds: intFromEnv('BENCH_SECONDS', quick ? 3 : 10),
  /** Concurrent connections of the load generator (the same for the server and the bare baselines). */
  connections: intFromEnv('BENCH_CONNECTIONS', 32),
  /** Applications approved through the API for the issuance rate. */
  issuance: intFromEnv('BENCH_ISSUANCE', quick ? 60 : 600),
  /**
   * Approvals a server process runs before its issuance rate is measured (sections/issuance.mjs): the
   * JIT has settled by then. Measured: after 150 the first 300 measured cost 2.8–3.1 ms of server CPU
   * a pass, the same approvals later in the process 2.0–2.2 ms; after 2,000, 2.2 ms from the first.
   */
  issuanceWarmup: intFromEnv('BENCH_ISSUANCE_WARMUP', quick ? 30 : 2000),
  mysqlUrl: process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mariadb://pass:pass@127.0.0.1:3306',
  /** The run's throw-away database is named this and a random suffix (the tests' user may create `pass_%`). */
  databasePrefix: process.env.BENCH_DATABASE_PREFIX || 'pass_bench_',
  /** Where the results go (relative to the repository); the smoke run writes elsewhere than a real run. */
  resultsFile: resolve(repoRoot, process.env.BENCH_RESULTS || 'artifacts/bench/results.json'),
  buildWeapp: !['0', 'false'].includes(process.env.BENCH_BUILD_WEAPP ?? '1'),
  /** Rebuild the H5 app before measuring it; like the WeChat build unless BENCH_BUILD_H5 says otherwise. */
  buildH5: !['0', 'false'].includes(process.env.BENCH_BUILD_H5 ?? process.env.BENCH_BUILD_WEAPP ?? '1'),
  /**
   * Server entries to compare on the verify route and the pass page instead of the verification
   * section's rows (BENCH_COMPARE, comma-separated, e.g. `server/dist/main.js,server/dist-before/main.js`):
   * short runs against each in turn, BENCH_COMPARE_ROUNDS times (sections/compare.mjs).
   */
  compare: (process.env.BENCH_COMPARE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  compareRounds: intFromEnv('BENCH_COMPARE_ROUNDS', 6),
  /** Which parts to run (comma-separated); issuance also runs for verification and volume, which need passes. */
  sections: new Set(
    (process.env.BENCH_SECTIONS ?? 'qr,offline,issuance,verification,volume,weapp,h5').split(',').map((s) => s.trim()),
  ),
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process, in MiB, from /proc (Linux). */
export function rssMiB(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used (user + system), in seconds, from /proc (Linux): what a figure cost the
 * server whatever else ran on the machine. Clock ticks are 100 per second on Linux.
 */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** A process and its children (a server run with SERVER_PROCESSES: the primary and its workers), from /proc. */
export function processTree(pid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === pid) children.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return [pid, ...children];
}

/** CPU seconds of a process and its children (see processTree); null when the process is gone. */
export function treeCpuSeconds(pid) {
  const each = processTree(pid).map(cpuSeconds);
  return each[0] === null ? null : each.reduce((a, b) => a + (b ?? 0), 0);
}

/** Samples a process's RSS every `everyMs` until stopped; returns { idle, mean, max } in MiB. */
export function sampleRss(pid, everyMs = 200) {
  const samples = [];
  const timer = setInterval(() => {
    const value = rssMiB(pid);
    if (value !== null) samples.push(value);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const mean = samples.reduce((a, b) => a + b, 0) / Math.max(samples.length, 1);
      return { samples: samples.length, mean, max: Math.max(0, ...samples) };
    },
  };
}

/** Runs a command, printing nothing unless it fails; resolves with its output. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Prints a line of progress on stderr, so that stdout keeps only the results. */
export function progress(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
