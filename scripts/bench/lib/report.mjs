// The results as one table on stdout (section, measurement, figure) and as JSON for machines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const n = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '—'
    : Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value) =>
  value === null || value === undefined ? '—' : value === 0 ? '<1 ms' : `${n(value, value < 10 ? 2 : 1)} ms`;
const failures = (stats) => {
  const bad = Object.entries(stats ?? {}).filter(([code]) => !/^2\d\d$/.test(code));
  return bad.length ? `  FAILED: ${bad.map(([code, count]) => `${count}×${code}`).join(', ')}` : '';
};

/** Lines of [section, measurement, figure] from the results object. */
export function tableRows(r) {
  const rows = [];
  const add = (section, name, figure) => rows.push([section, name, figure]);
  if (r.verification) {
    add(
      'online verification',
      `load: ${n(r.verification.passesInTurn)} passes in turn; verdicts of 200 of them`,
      Object.entries(r.verification.verdictStates ?? {})
        .map(([state, count]) => `${state} ${count}`)
        .join(', '),
    );
    for (const row of r.verification.rows) {
      const goal =
        row.goalMet === undefined
          ? ''
          : `  goal ≥ 20 % of bare Fastify, p99 ≤ 25 ms: ${row.goalMet ? 'met' : 'NOT met'}` +
            `  server CPU ${ms(row.serverCpuMsPerRequest)}/request`;
      add(
        'online verification',
        row.name,
        `${n(row.requestsPerSecond)} req/s  p50 ${ms(row.p50Ms)}  p99 ${ms(row.p99Ms)}  ` +
          // A yardstick row (bare Fastify, measured between the server's rows) as a share of the first one: the drift.
          (row.yardstick
            ? `${n(row.shareOfFastify * 100, 1)} % of the first bare Fastify measurement`
            : `${n(row.shareOfFastify * 100, 1)} % of bare Fastify` +
              `${row.fastifyRequestsPerSecond === undefined ? '' : ` (${n(row.fastifyRequestsPerSecond)} req/s around it)`}`) +
          `, ${n(row.shareOfNodeCeiling * 100, 1)} % of node:http` +
          `${failures(row.statusCodes)}${row.errors ? `  ${row.errors} errors` : ''}${goal}`,
      );
    }
    const m = r.verification.memory;
    add(
      'online verification',
      'server RSS: after start / under verify load (mean, max) / after volume reads',
      `${n(r.memory?.afterStartRssMiB)} / ${n(m.underLoadMeanRssMiB)}, ${n(m.underLoadMaxRssMiB)} / ${n(r.memory?.afterVolumeRssMiB)} MiB`,
    );
  }
  if (r.comparison) {
    const c = r.comparison;
    for (const row of c.rows) {
      const versus =
        row.cheaperThanFirst === null
          ? ''
          : `  cheaper than the first in ${row.cheaperThanFirst} of ${c.rounds} rounds`;
      add(
        'comparison',
        `${row.entry}  ${row.route}`,
        `median of ${c.rounds} runs of ${c.secondsPerRun} s: ${n(row.medianRequestsPerSecond)} req/s, ` +
          `CPU ${n(row.medianCpuMsPerRequest, 3)} ms/request, p99 ${ms(row.medianP99Ms)}${versus}` +
          `${row.failed ? `  FAILED: ${row.failed} requests` : ''}`,
      );
    }
  }
  if (r.offline) {
    const o = r.offline;
    add('offline verification', 'shared verifyPassToken (pure JS, full check)', `${n(o.sharedVerifyPerSecond)} /s`);
    add(
      'offline verification',
      '@noble/curves ed25519.verify (signature only)',
      `${n(o.nobleSignatureOnlyPerSecond)} /s`,
    );
    add(
      'offline verification',
      "Node's crypto.verify, same signatures (OpenSSL)",
      `${n(o.nativeSignatureOnlyPerSecond)} /s  (${n(o.nativeOverShared, 1)}× the shared verifier)`,
    );
    add(
      'offline verification',
      "the server's check (libsodium), alone / while another process keeps a core busy",
      `${n(o.sodiumSignatureOnlyPerSecond)} /s (${n(1e6 / o.sodiumSignatureOnlyPerSecond, 1)} µs) / ` +
        `${n(o.sodiumBesideBusyCorePerSecond)} /s (${n(1e6 / o.sodiumBesideBusyCorePerSecond, 1)} µs)`,
    );
  }
  if (r.issuance) {
    const i = r.issuance;
    add(
      'issuance (MariaDB)',
      `approve + issue (number, token, record), ${i.concurrency} at a time`,
      `${n(i.approvalsPerSecond, 1)} passes/s  p50 ${ms(i.approvalP50Ms)}  p99 ${ms(i.approvalP99Ms)}  (${i.approved} passes after ${i.warmupApprovals ?? 0} not measured)${failures(i.failures)}  ` +
        `server CPU ${ms(i.serverCpuMsPerPass)}/pass  goal ≥ 300 passes/s`,
    );
    if (i.spread) {
      add(
        'issuance (MariaDB)',
        `same, spread over ${i.spread.districts} districts' officials (${i.spread.districts} issuers, one enterprise)`,
        `${n(i.spread.perSecond, 1)} passes/s  p50 ${ms(i.spread.p50Ms)}  p99 ${ms(i.spread.p99Ms)}  (${i.spread.approved} passes)${failures(i.spread.failures)}  ` +
          `server CPU ${ms(i.spread.serverCpuMsPerPass)}/pass`,
      );
    }
    if (i.perCore) {
      add(
        'issuance (MariaDB)',
        `same as the first, one district's official, ${i.perCore.processes} server processes (SERVER_PROCESSES=auto)`,
        `${n(i.perCore.perSecond, 1)} passes/s  p50 ${ms(i.perCore.p50Ms)}  p99 ${ms(i.perCore.p99Ms)}  (${i.perCore.approved} passes)${failures(i.perCore.failures)}  ` +
          `server CPU ${ms(i.perCore.serverCpuMsPerPass)}/pass  goal ≥ 300 passes/s`,
      );
    }
    if (i.batch) {
      add(
        'issuance (MariaDB)',
        `batch approval POST /reviews/batch-approve, ${i.batch.batchSize} a request, ${i.concurrency} requests at a time`,
        `${n(i.batch.perSecond, 1)} passes/s  (${i.batch.approved} passes)${failures(i.batch.failures)}  ` +
          `server CPU ${ms(i.batch.serverCpuMsPerPass)}/pass`,
      );
    }
    add(
      'issuance (MariaDB)',
      'QR PNG GET /api/passes/:id/qr.png, first request of each pass (drawn)',
      `${n(i.qrPngPerSecond, 1)} /s  p50 ${ms(i.qrPngP50Ms)}  p99 ${ms(i.qrPngP99Ms)}${failures(i.qrPngFailures)}  server CPU ${ms(i.qrPngServerCpuMs)}/image`,
    );
    add(
      'issuance (MariaDB)',
      'QR PNG, each pass again (cached)',
      `${n(i.qrPngCachedPerSecond, 1)} /s  p50 ${ms(i.qrPngCachedP50Ms)}  p99 ${ms(i.qrPngCachedP99Ms)}${failures(i.qrPngCachedFailures)}  server CPU ${ms(i.qrPngCachedServerCpuMs)}/image  goal ≥ 500 /s`,
    );
  }
  if (r.seeding) {
    const s = r.seeding;
    add(
      'volume',
      `seeded ${n(s.rows.passes)} passes + ${n(s.rows.approvedApplications + s.rows.waitingApplications)} applications`,
      `${n(s.timings.totalSeconds, 1)} s  (passes ${n(s.timings.passesSeconds, 1)} s, applications ${n(s.timings.applicationsSeconds, 1)} s)`,
    );
  }
  for (const v of r.volume ?? []) {
    const goal = v.goalP99Ms ? `  goal p99 ≤ ${v.goalP99Ms} ms${v.p99Ms <= v.goalP99Ms ? ' (met)' : ' (NOT MET)'}` : '';
    add(
      'volume',
      v.name,
      `p50 ${ms(v.p50Ms)}  p99 ${ms(v.p99Ms)}  (${n(v.requests)} requests)${failures(v.failures)}` +
        `${v.serverCpuMs === undefined ? '' : `  server CPU ${ms(v.serverCpuMs)}/request`}${goal}`,
    );
  }
  if (r.volume) {
    const rss = r.memory?.afterVolumeRssMiB;
    add(
      'volume',
      'server RSS after the reads at volume',
      `${n(rss)} MiB  goal ≤ 250 MiB${rss <= 250 ? ' (met)' : ' (NOT MET)'}`,
    );
  }
  for (const p of r.plans ?? []) {
    add(
      'query plans',
      p.name,
      `${p.type} on ${p.key ?? '(no index)'}, ~${n(p.rows)} rows${p.extra ? `, ${p.extra}` : ''}` +
        (p.fullScan ? `  ← READS ~${n(p.examined)} ROWS` : ''),
    );
  }
  for (const f of r.fixes ?? []) {
    add('proposed fixes (SQL, median)', f.name, f.overCap ? `> ${ms(f.ms)} (stopped)` : ms(f.ms));
  }
  for (const q of r.qr ?? []) {
    add(
      'sizes',
      `QR, ${q.name}`,
      `version ${q.version} at level Q (${q.modules}×${q.modules}), token ${q.tokenBytes} B, URL ${q.urlLength} chars; limit ${q.limitVersion}`,
    );
  }
  if (r.weapp) {
    for (const p of r.weapp.packages) {
      add('sizes', `weapp ${p.name}`, `${n(p.kib, 1)} KiB of ${n(p.limitKib)} KiB`);
    }
  }
  if (r.h5) h5Rows(r.h5, add);
  return rows;
}

/** The H5 app: its first load in Chromium, all its JS, and the two checks (pinch-zoom, favicon). */
function h5Rows(h5, add) {
  const section = 'H5 app (server on SQLite)';
  add(
    section,
    'build measured',
    `${h5.build.rebuilt ? 'built now' : 'existing build'} (miniapp/dist/h5, ${h5.build.builtAt})`,
  );
  if (h5.firstLoad) {
    const encodings = Object.entries(h5.firstLoad.encodings)
      .map(([encoding, count]) => `${count} ${encoding}`)
      .join(', ');
    add(
      section,
      'first load of the login page, Chromium, empty cache',
      `${n(h5.firstLoad.transferredBytes / 1024, 1)} KiB transferred, ${h5.firstLoad.files} files (encoding: ${encodings})  goal ≤ 250 KiB`,
    );
    add(
      section,
      'pinch-zoom allowed (viewport meta)',
      `${h5.pinchZoom.allowed ? 'yes' : 'NO'}: "${h5.pinchZoom.viewport}"`,
    );
    add(
      section,
      'favicon served',
      `${h5.favicon.served ? 'yes' : 'NO'}: ${h5.favicon.href}, ${h5.favicon.status ?? 'no request'}, ${h5.favicon.contentType}`,
    );
  } else {
    add(section, 'first load of the login page', `not measured: ${h5.firstLoadError}`);
  }
  add(
    section,
    'all JS of the build, uncompressed',
    `${n(h5.allScripts.bytes / 2 ** 20, 2)} MiB in ${h5.allScripts.files} files  goal ≤ 3 MB`,
  );
}

export function printTable(rows) {
  const width = [0, 1].map((c) => Math.max(...rows.map((row) => [...row[c]].length)));
  let section = '';
  const lines = [];
  for (const [s, name, figure] of rows) {
    lines.push(
      `${(s === section ? '' : s).padEnd(width[0])}  ${name}${' '.repeat(Math.max(0, width[1] - [...name].length))}  ${figure}`,
    );
    section = s;
  }
  console.log(lines.join('\n'));
}

export function saveJson(path, results) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
