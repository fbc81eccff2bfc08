// Online verification under load, side by side with the machine's HTTP ceiling: the same load generator,
// connections and requests against a bare node:http server, a bare Fastify server (one process each),
// and the real server, first as one process and then as SERVER_PROCESSES=auto (one per core). Every
// request names another of the seeded passes (2,000 tokens signed with the server's key, in turn), so
// that each verifies its own signature and no cache of verdicts could stand in for the work.
//
// The bare Fastify server (the goal's yardstick) is measured again before and after each of the server's
// measurements, and each server row's share is of the mean of the two around it: on a shared machine
// the yardstick itself moved by a quarter within minutes (29–37k req/s, docs/scaling.md §1), so one
// yardstick taken a minute before the row it divides decided the goal more than the server did.
import { cpus } from 'node:os';
import { progress, sampleRss, settings } from '../lib/common.mjs';
import { throughput } from '../lib/load.mjs';
import { startBareServer } from '../lib/processes.mjs';

/** Issue 18's goals for the verify route and the pass page. */
export const verificationGoals = { shareOfFastify: 0.2, p99Ms: 25 };

/**
 * The load's requests, each naming the next of the sample passes: `verifyBody(i)` for the verify route
 * (the pass's URL), `pagePath(i)` for its page. autocannon asks for the next request when a connection is
 * free, so consecutive requests name consecutive passes whichever connection (and with several
 * processes, whichever process) sends them.
 */
export function verificationRequests(passUrl, samplePasses) {
  const prefix = passUrl.slice(0, passUrl.lastIndexOf('/') + 1);
  const urls = samplePasses.map((p) => `${prefix}${p.digits}`);
  return {
    urls,
    verifyBody: (i) => ({ body: { url: urls[i % urls.length] } }),
    pagePath: (i) => ({ path: `/V/${samplePasses[i % samplePasses.length].digits}` }),
  };
}

/**
 * `startMultiProcessServer()` (absent for another build): the same server on the same database with
 * SERVER_PROCESSES=auto; the one-process `server` stays up, idle, meanwhile.
 */
export async function verificationThroughput({ server, passUrl, samplePasses, startMultiProcessServer }) {
  const { urls, verifyBody, pagePath } = verificationRequests(passUrl, samplePasses);
  const rows = [];
  const bareNode = await startBareServer('node');
  try {
    progress(`verification: bare node server, ${settings.connections} connections, ${settings.seconds} s`);
    const r = await throughput({ url: `${bareNode.url}/api/verification/verify`, method: 'POST', next: verifyBody });
    rows.push({ name: 'bare node:http server, constant JSON (1 process)', ...r });
  } finally {
    await bareNode.stop();
  }
  // Up (idle) for the whole section: measured between the server's measurements (see the top).
  const bareFastify = await startBareServer('fastify');
  const yardsticks = [];
  const measureYardstick = async () => {
    progress(`verification: bare fastify server, ${settings.connections} connections, ${settings.seconds} s`);
    const r = await throughput({ url: `${bareFastify.url}/api/verification/verify`, method: 'POST', next: verifyBody });
    const again = yardsticks.length > 0 ? `, again (${yardsticks.length + 1})` : '';
    const row = { name: `bare Fastify server, constant JSON (1 process)${again}`, yardstick: true, ...r };
    rows.push(row);
    yardsticks.push(row);
  };
  // Each server row, then the yardstick again: server row i lies between yardsticks i and i + 1.
  const bracketed = [];
  const measured = async (row) => {
    rows.push(row);
    bracketed.push(row);
    await measureYardstick();
  };
  await measureYardstick();

  const states = await verdictStates(server.url, urls.slice(0, 200));
  const measure = async (target, processes) => {
    const label = processes === 1 ? '1 process' : `${processes} processes (SERVER_PROCESSES=auto)`;
    progress(`verification: POST /api/verification/verify, ${urls.length} passes in turn, ${label}`);
    const rss = sampleRss(target.pid);
    // Warm-up: twice round the passes per process, so that each process has read every pass's facts
    // once (PassFacts); the signature is still checked on every request.
    const warmupRequests = 2 * urls.length * processes;
    const verify = await throughput({
      url: `${target.url}/api/verification/verify`,
      method: 'POST',
      next: verifyBody,
      warmupRequests,
      cpuPid: target.pid,
    });
    const loadedRss = rss.stop();
    await measured({ name: `server POST /api/verification/verify (JSON), ${label}`, processes, goal: true, ...verify });
    progress(`verification: GET /V/<digits> page, ${label}`);
    const page = await throughput({ url: `${target.url}/`, next: pagePath, warmupRequests, cpuPid: target.pid });
    await measured({ name: `server GET /V/<digits> (HTML page), ${label}`, processes, goal: true, ...page });
    return loadedRss;
  };
  let loadedRss;
  try {
    loadedRss = await measure(server, 1);
    if (startMultiProcessServer) {
      const multi = await startMultiProcessServer();
      try {
        await measure(multi, cpus().length);
      } finally {
        await multi.stop();
      }
    }
  } finally {
    await bareFastify.stop();
  }

  const ceiling = rows[0].requestsPerSecond;
  for (const row of rows) row.shareOfNodeCeiling = row.requestsPerSecond / ceiling;
  for (const [i, row] of bracketed.entries()) {
    row.fastifyRequestsPerSecond = (yardsticks[i].requestsPerSecond + yardsticks[i + 1].requestsPerSecond) / 2;
  }
  for (const row of rows) {
    row.shareOfFastify = row.requestsPerSecond / (row.fastifyRequestsPerSecond ?? yardsticks[0].requestsPerSecond);
    if (row.goal) {
      row.goalMet = row.shareOfFastify >= verificationGoals.shareOfFastify && row.p99Ms <= verificationGoals.p99Ms;
    }
  }
  return {
    rows,
    passesInTurn: urls.length,
    verdictStates: states,
    memory: { underLoadMeanRssMiB: loadedRss.mean, underLoadMaxRssMiB: loadedRss.max },
  };
}

/** The load's mix of verdicts (valid, expired, revoked, …), from one request per pass of a sample. */
async function verdictStates(baseUrl, urls) {
  const states = {};
  for (const url of urls) {
    const res = await fetch(`${baseUrl}/api/verification/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url }),
    });
    const body = await res.json();
    const state = `${body.verification?.state ?? res.status}${body.facts ? '' : ' (no facts)'}`;
    states[state] = (states[state] ?? 0) + 1;
  }
  return states;
}
