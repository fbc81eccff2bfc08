#!/usr/bin/env node
// `pnpm bench`: every figure of docs/scaling.md in one run on this machine, printed as a table and
// saved to artifacts/bench/results.json. Needs the build (shared/dist, server/dist) and a MariaDB
// whose user may create `pass_%` databases (BENCH_MYSQL_URL, default the tests' user). BENCH_QUICK=1
// for a short run; BENCH_PASSES, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_ISSUANCE, BENCH_BUILD_WEAPP=0,
// BENCH_BUILD_H5=0, BENCH_DATABASE_PREFIX, BENCH_RESULTS to change one thing (lib/common.mjs);
// BENCH_COMPARE=<entry>,<entry> to compare builds on verification (sections/compare.mjs). It ends
// with issue 18's goals table (lib/goals.mjs). CI runs every section small (run.smoke.mjs).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { progress, repoRoot, rssMiB, serverRequire, settings } from './lib/common.mjs';
import { loadLines, sectionClock } from './lib/environment.mjs';
import { goalRows, goalTableLines } from './lib/goals.mjs';
import { apiClient, login } from './lib/load.mjs';
import { startServer } from './lib/processes.mjs';
import { printTable, saveJson, tableRows } from './lib/report.mjs';

for (const built of ['shared/dist/index.js', 'server/dist/main.js']) {
  if (!existsSync(join(repoRoot, built))) {
    console.error(`${built} is missing: run \`pnpm run build\` first (or bash scripts/test.sh).`);
    process.exit(1);
  }
}
// Imported after the check: they load shared/dist and server/dist.
const { issuance } = await import('./sections/issuance.mjs');
const { h5Delivery } = await import('./sections/h5.mjs');
const { offlineVerification } = await import('./sections/offline.mjs');
const { seedVolume } = await import('./sections/seed-volume.mjs');
const { qrSizes, weappSizes } = await import('./sections/sizes.mjs');
const { verificationThroughput } = await import('./sections/verification.mjs');
const { compareEntries } = await import('./sections/compare.mjs');
const { explainQueries, proposedFixes, volumeLatencies } = await import('./sections/volume.mjs');

const mysql = serverRequire('mysql2/promise');
const started = Date.now();
const results = {
  startedAt: new Date(started).toISOString(),
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: totalmem() / 2 ** 30, node: process.version },
  settings: {
    ...settings,
    sections: [...settings.sections],
    mysqlUrl: settings.mysqlUrl.replace(/:[^:@/]*@/, ':***@'),
  },
};
/** Runs one section, recording its load average at start and end (results.environment). */
const timed = sectionClock(results);

const databaseName = `${settings.databasePrefix}${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const dbUrl = `${settings.mysqlUrl.replace(/\/$/, '')}/${databaseName}`;
const dataDir = mkdtempSync(join(tmpdir(), 'pass-bench-'));
const admin = async (sql) => {
  const conn = await mysql.createConnection(settings.mysqlUrl.replace(/^mariadb:/, 'mysql:'));
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
};

let server;
try {
  const [[version]] = await (async () => {
    const conn = await mysql.createConnection(settings.mysqlUrl.replace(/^mariadb:/, 'mysql:'));
    try {
      return await conn.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool');
    } finally {
      await conn.end();
    }
  })();
  results.machine.database = `MariaDB/MySQL ${version.v}, InnoDB buffer pool ${Math.round(version.pool / 2 ** 20)} MiB`;
  await admin(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

  const wanted = (name) => settings.sections.has(name);
  if (wanted('qr')) {
    progress('sizes: QR code');
    results.qr = await timed('qr', () => qrSizes());
  }
  if (wanted('offline')) {
    progress('offline verification');
    results.offline = await timed('offline', () => offlineVerification());
  }
  if (['issuance', 'verification', 'volume'].some(wanted)) await onServer(wanted);
  if (wanted('weapp')) results.weapp = await timed('weapp', () => weappSizes());
  if (wanted('h5')) results.h5 = await timed('h5', () => h5Delivery());
} catch (error) {
  results.error = String(error?.stack ?? error);
  if (server) console.error(`server output (last lines):\n${server.output().slice(-3000)}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
  if (process.env.BENCH_KEEP_DB !== '1') await admin(`DROP DATABASE IF EXISTS \`${databaseName}\``).catch(() => {});
  else progress(`kept database ${databaseName} (BENCH_KEEP_DB=1)`);
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The parts that need the server: issuance, then the volume (its 2,000 signed sample passes are what
 * verification rotates over), verification of those, then the volume's reads.
 */
async function onServer(wanted) {
  progress(`server on ${databaseName}`);
  const serverEnv = {
    DB_URL: dbUrl,
    DATA_DIR: dataDir,
    // One review level, no quota or per-enterprise cap: the rate of issuing itself. Routed by the
    // application's origin, so that the issuance section can spread its load over several districts.
    PROVINCE_SETTINGS: JSON.stringify({
      approvalChain: ['district'],
      routing: 'origin',
      quota: { enabled: false, period: 'week', maxActivePassesPerEnterprise: null },
    }),
  };
  server = await startServer({ ...serverEnv, SEED_DEMO: 'true' });
  results.memory = { afterStartRssMiB: rssMiB(server.pid) };
  const fleetManager = await login(server.url, '13800000001');
  const district = await login(server.url, '13800000002');
  const adminAccount = await login(server.url, '13800000000');

  // The same server with one process per core, on the same database and keys (said in each row); not
  // for another build (BENCH_SERVER_ENTRY, e.g. one before SERVER_PROCESSES existed): one process only.
  const startMultiProcessServer = process.env.BENCH_SERVER_ENTRY
    ? undefined
    : () => startServer({ ...serverEnv, SEED_DEMO: 'false', SERVER_PROCESSES: 'auto' });
  const issued = await timed('issuance', () =>
    issuance({
      fleetManager,
      official: district,
      admin: adminAccount,
      serverPid: server.pid,
      startMultiProcessServer,
    }),
  );
  if (wanted('issuance')) results.issuance = issued.result;
  if (!wanted('verification') && !wanted('volume')) return;

  progress(`seeding ${settings.passes} passes into ${databaseName}`);
  const seeded = await timed('seeding', () =>
    seedVolume({ dbUrl, passes: settings.passes, keysDir: join(dataDir, 'keys') }),
  );
  results.seeding = { rows: seeded.rows, timings: seeded.timings };
  if (wanted('verification') && settings.compare.length > 0) {
    results.comparison = await timed('verification', () =>
      compareEntries({
        entries: settings.compare,
        rounds: settings.compareRounds,
        startServer: (entry) => startServer({ ...serverEnv, SEED_DEMO: 'false' }, entry),
        passUrl: issued.samplePass.url,
        samplePasses: seeded.samplePasses,
      }),
    );
  } else if (wanted('verification')) {
    results.verification = await timed('verification', () =>
      verificationThroughput({
        server,
        passUrl: issued.samplePass.url,
        samplePasses: seeded.samplePasses,
        startMultiProcessServer,
      }),
    );
  }
  if (!wanted('volume')) return;
  progress('volume: latencies');
  // Signed in again: seeding (and verification) can outlast the access tokens taken at the start.
  const fresh = (phone) => login(server.url, phone);
  const freshAdmin = await fresh('13800000000');
  const province = await provinceOfficial(server.url, freshAdmin);
  results.volume = await timed('volume', async () =>
    volumeLatencies({
      baseUrl: server.url,
      serverPid: server.pid,
      tokens: {
        district: (await fresh('13800000002')).token,
        city: (await fresh('13800000003')).token,
        province: province.token,
        checkpoint: (await fresh('13800000004')).token,
        admin: freshAdmin.token,
      },
      seeded,
    }),
  );
  results.memory.afterVolumeRssMiB = rssMiB(server.pid);
  results.plans = await timed('query plans', () => explainQueries({ dbUrl, seeded }));
  await server.stop();
  server = undefined;
  progress('volume: proposed fixes, timed in SQL');
  results.fixes = await timed('proposed fixes', () => proposedFixes({ dbUrl }));
}

/** A province-level official (the demo seeds none): created by the admin, signed in, password changed. */
async function provinceOfficial(baseUrl, adminClient) {
  const phone = '13700000320';
  const created = await adminClient.post('/admin/accounts', {
    role: 'official',
    name: '江苏省审核',
    phone,
    password: 'Review2022',
    jurisdictionCode: '320000',
    department: '江苏省工业和信息化厅',
    reviewLevel: 'province',
  });
  if (created.status !== 201) throw new Error(`province official: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await login(baseUrl, phone, 'Review2022');
  const changed = await first.post('/auth/password', { currentPassword: 'Review2022', newPassword: 'Review2022New' });
  if (changed.status !== 200) throw new Error(`province official: ${changed.status} ${JSON.stringify(changed.body)}`);
  return apiClient(baseUrl, changed.body.accessToken);
}

results.seconds = (Date.now() - started) / 1000;
results.goals = goalRows(results);
const out = settings.resultsFile;
saveJson(out, results);
console.log(
  `\nBenchmark, ${results.machine.cpus} × ${results.machine.cpuModel}, node ${results.machine.node}, ` +
    `${results.machine.database ?? 'database unknown'}${settings.quick ? ' (BENCH_QUICK)' : ''}\n`,
);
console.log(`${loadLines(results).join('\n')}\n`);
printTable(tableRows(results));
console.log(`\nIssue 18's goals, this run${settings.quick ? ' (BENCH_QUICK: fewer rows and shorter loads)' : ''}:`);
console.log(goalTableLines(results.goals).join('\n'));
console.log(`\n${results.seconds.toFixed(0)} s; results saved to ${out}`);
if (results.error) console.error(`\nFAILED: ${results.error}`);
