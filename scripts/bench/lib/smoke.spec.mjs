import { describe, expect, it } from '@jest/globals';
import { goalRows } from './goals.mjs';
import { failedRequests, smokeProblems } from './smoke.mjs';

const sections = ['qr', 'offline', 'issuance', 'verification', 'volume', 'weapp', 'h5'];

/** Results shaped as a small run writes them, every section present, nothing failed; goals slow but measured. */
function smallRun() {
  const volume = (name, p99Ms) => ({ name, p50Ms: 1, p99Ms, requests: 30, failures: {} });
  const results = {
    settings: { sections },
    seeding: { rows: { passes: 2_000 } },
    qr: [{ name: 'largest national pass (10 waypoints)', version: 13 }],
    offline: { sharedVerifyPerSecond: 600 },
    weapp: { packages: [{ name: 'main', kib: 300, limitKib: 2048 }] },
    verification: {
      rows: [
        {
          name: 'bare Fastify server, constant JSON (1 process)',
          requestsPerSecond: 9_000,
          p99Ms: 9,
          non2xx: 0,
          errors: 0,
        },
        {
          name: 'server POST /api/verification/verify (JSON), 1 process',
          requestsPerSecond: 90,
          p99Ms: 900,
          non2xx: 0,
          errors: 0,
        },
        {
          name: 'server GET /V/<digits> (HTML page), 1 process',
          requestsPerSecond: 80,
          p99Ms: 800,
          non2xx: 0,
          errors: 0,
        },
      ],
    },
    issuance: {
      approvalsPerSecond: 20,
      qrPngCachedPerSecond: 100,
      failures: {},
      spread: { failures: {} },
      batch: { failures: {} },
      qrPngFailures: {},
      qrPngCachedFailures: {},
    },
    volume: [
      volume('review counters, district official', 90),
      volume('review counters, city official', 90),
      volume('review queue, district official (江宁区, first page)', 90),
      volume('review queue, city official (南京市, incl. escalated)', 90),
      volume('pass list GET /api/passes, district official', 90),
      volume('status list, full (GET /api/verification/status-list)', 90),
    ],
    memory: { afterVolumeRssMiB: 300 },
    h5: { firstLoad: { transferredBytes: 300 * 1024, files: 9 }, allScripts: { bytes: 4 * 2 ** 20, files: 60 } },
  };
  results.goals = goalRows(results);
  return results;
}

describe('smokeProblems', () => {
  it('passes a run where every section ran and every goal has a figure, met or not', () => {
    const results = smallRun();
    expect(results.goals.some((row) => row.status === 'not met')).toBe(true);
    expect(smokeProblems(results, sections)).toEqual([]);
  });

  it('fails a run that threw, naming the error', () => {
    const results = smallRun();
    results.error = 'Error: upload /attachments?kind=vehicle_licence answered 400: {}\n    at upload (load.mjs:170)';
    expect(smokeProblems(results, sections)).toEqual([`the run failed: ${results.error}`]);
  });

  it('fails a run whose goal has no figure, or whose section left no results', () => {
    const results = smallRun();
    delete results.issuance;
    delete results.offline;
    results.goals = goalRows(results);
    expect(smokeProblems(results, sections)).toEqual([
      'section offline: no results',
      'section issuance: no results',
      'goal not measured: issuance (approve + number + token + record), 8 at a time (issuance: no figure in the results)',
      'goal not measured: QR PNG, cached (issuance: no figure in the results)',
    ]);
  });

  it('fails a run whose H5 first load could not be measured (no Chromium)', () => {
    const results = smallRun();
    delete results.h5.firstLoad;
    results.h5.firstLoadError = 'browserType.launch: Executable does not exist';
    results.goals = goalRows(results);
    expect(smokeProblems(results, sections)).toEqual([
      'goal not measured: H5: first load of the login page, transferred (h5: no figure in the results)',
      'h5 first load: browserType.launch: Executable does not exist',
    ]);
  });

  it('fails a run with no results or no goals table', () => {
    expect(smokeProblems(undefined, sections)).toEqual(['no results']);
    const results = smallRun();
    delete results.goals;
    expect(smokeProblems(results, sections)).toEqual(['no goals table']);
  });
});

describe('failedRequests', () => {
  it('finds failed requests wherever a section counts them, by row name', () => {
    const results = smallRun();
    results.issuance.batch.failures = { '409 APPLICATION_NOT_PENDING': 10 };
    results.issuance.qrPngFailures = { 500: 1 };
    results.verification.rows[1].non2xx = 3;
    results.verification.rows[2].errors = 2;
    results.volume[4].failures = { 403: 30 };
    expect(failedRequests(results)).toEqual([
      'results.verification.rows["server POST /api/verification/verify (JSON), 1 process"].non2xx: 3',
      'results.verification.rows["server GET /V/<digits> (HTML page), 1 process"].errors: 2',
      'results.issuance.batch.failures: {"409 APPLICATION_NOT_PENDING":10}',
      'results.issuance.qrPngFailures: {"500":1}',
      'results.volume["pass list GET /api/passes, district official"].failures: {"403":30}',
    ]);
    expect(smokeProblems(results, sections)).toHaveLength(5);
  });
});
