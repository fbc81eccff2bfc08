// The bench in CI: every section of `pnpm bench` on a tiny volume with one-second loads, so that a change
// which stops a section from running fails the build (in session 6 a change to document uploads broke
// the issuance section and landed green: CI never ran the bench). It checks that every goal of issue 18
// got a figure and no request failed (lib/smoke.mjs), never how fast: timing is not asserted in tests.
// Needs what scripts/test.sh builds before the tests (shared, server, the H5 and WeChat apps, which the
// run measures as built), the tests' MariaDB, and Chromium for the H5 first load.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from './lib/common.mjs';
import { smokeProblems } from './lib/smoke.mjs';

const sections = ['qr', 'offline', 'issuance', 'verification', 'volume', 'weapp', 'h5'];
const resultsFile = join(repoRoot, 'artifacts/bench/smoke.json');
const builds = [
  'shared/dist/index.js',
  'server/dist/main.js',
  'miniapp/dist/h5/index.html',
  'miniapp/dist/weapp/app.json',
];
// About 100 s on 2 busy cores (docs/scaling.md §1); a generous limit, so that a loaded CI machine does not fail it.
const timeoutMs = 12 * 60_000;

/** Runs the bench in its own process group (its servers with it), killed whole if it outlasts `timeoutMs`. */
function runBench(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bench/run.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-30_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), timeoutMs - 30_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

describe('pnpm bench, every section on a tiny volume', () => {
  it(
    'runs every section and measures every goal of issue 18 (a figure, met or not), with no failed request',
    async () => {
      const missing = builds.filter((path) => !existsSync(join(repoRoot, path)));
      if (missing.length > 0) {
        throw new Error(`build first (pnpm run build && pnpm run build:weapp; scripts/test.sh does): ${missing}`);
      }
      rmSync(resultsFile, { force: true });
      const { code, signal, output } = await runBench({
        BENCH_QUICK: '1',
        BENCH_SECTIONS: sections.join(','),
        // Enough rows for every query the volume section explains and 60 signed passes to verify in turn.
        BENCH_PASSES: '2000',
        BENCH_SECONDS: '1',
        BENCH_ISSUANCE: '10',
        BENCH_ISSUANCE_WARMUP: '8',
        BENCH_BUILD_WEAPP: '0',
        BENCH_BUILD_H5: '0',
        BENCH_DATABASE_PREFIX: 'pass_benchci_',
        BENCH_RESULTS: resultsFile,
      });
      const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
      const problems = smokeProblems(results, sections);
      if (code !== 0) problems.unshift(`the bench exited with ${signal ?? code}`);
      // The bench's own output (progress, table, goals, any error) is the place to start when this fails.
      expect(problems.length === 0 ? [] : [...problems, `bench output (last lines):\n${output.slice(-6_000)}`]).toEqual(
        [],
      );
    },
    timeoutMs,
  );
});
