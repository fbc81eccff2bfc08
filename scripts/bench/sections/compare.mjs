// Two (or more) builds of the server side by side on the verify route and the pass page (BENCH_COMPARE):
// every entry runs as its own one-process server on the same database and keys, all up at once, and
// short runs go to each in turn, round after round (the order reversed every other round). Why: this
// machine's speed drifts by a third within minutes (docs/scaling.md §1), so two builds measured one
// after the other a minute apart differ by more than most changes move them; alternated runs meet the
// same drift, and the server's CPU per request (from /proc) moves less with it than its rate does. Two
// processes of one build can differ too: compare a build with itself first (§1).
import { progress, settings } from '../lib/common.mjs';
import { throughput } from '../lib/load.mjs';
import { verificationRequests } from './verification.mjs';

/** Seconds per run: short, so that the entries alternate often. */
const runSeconds = Math.min(settings.seconds, 3);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** `startServer(entry)`: one process of that entry on the bench's database (run.mjs). */
export async function compareEntries({ entries, rounds, startServer, passUrl, samplePasses }) {
  const { urls, verifyBody, pagePath } = verificationRequests(passUrl, samplePasses);
  const routes = [
    { name: 'POST /api/verification/verify', path: '/api/verification/verify', method: 'POST', next: verifyBody },
    { name: 'GET /V/<digits>', path: '/', method: 'GET', next: pagePath },
  ];
  const servers = [];
  try {
    for (const entry of entries) servers.push({ entry, server: await startServer(entry) });
    // Warm-up: twice round the passes, so that each has read every pass's facts once (as the verification section).
    for (const { entry, server } of servers) {
      progress(`compare: warming up ${entry}`);
      for (const route of routes) {
        await throughput({ ...route, url: `${server.url}${route.path}`, seconds: 1, warmupRequests: 2 * urls.length });
      }
    }
    const runs = servers.map(() => routes.map(() => []));
    for (let round = 0; round < rounds; round++) {
      progress(`compare: round ${round + 1} of ${rounds}`);
      for (const [r, route] of routes.entries()) {
        // The order reversed every other round: a build's place in the round weighed on its figure (§6.7).
        const order = round % 2 === 0 ? [...servers.entries()] : [...servers.entries()].reverse();
        for (const [s, { server }] of order) {
          const result = await throughput({
            ...route,
            url: `${server.url}${route.path}`,
            seconds: runSeconds,
            warmupRequests: 200,
            cpuPid: server.pid,
          });
          runs[s][r].push(result);
        }
      }
    }
    return {
      rounds,
      secondsPerRun: runSeconds,
      rows: servers.flatMap(({ entry }, s) =>
        routes.map((route, r) => {
          const own = runs[s][r];
          const first = runs[0][r];
          return {
            entry,
            route: route.name,
            medianRequestsPerSecond: median(own.map((x) => x.requestsPerSecond)),
            medianCpuMsPerRequest: median(own.map((x) => x.serverCpuMsPerRequest)),
            medianP99Ms: median(own.map((x) => x.p99Ms)),
            // Rounds in which this entry's CPU per request was lower than the first entry's in the same round.
            cheaperThanFirst:
              s === 0 ? null : own.filter((x, i) => x.serverCpuMsPerRequest < first[i].serverCpuMsPerRequest).length,
            failed: own.reduce((sum, x) => sum + x.non2xx + x.errors, 0),
            runs: own.map((x) => ({
              requestsPerSecond: x.requestsPerSecond,
              cpuMsPerRequest: x.serverCpuMsPerRequest,
            })),
          };
        }),
      ),
    };
  } finally {
    for (const { server } of servers) await server.stop();
  }
}
