// Load generation: autocannon for throughput, and a small closed-loop client for latencies, whose
// timer (performance.now) resolves below autocannon's 1 ms buckets.
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { percentile, settings, treeCpuSeconds } from './common.mjs';

const autocannon = createRequire(import.meta.url)('autocannon');

/**
 * Requests per second and latency of one endpoint at `settings.connections` connections, after a short
 * warm-up. Anything but the expected status counts as an error and is reported, never averaged in.
 */
export async function throughput({
  url,
  method = 'GET',
  headers = {},
  body,
  seconds = settings.seconds,
  connections,
  next,
  warmupRequests,
  cpuPid,
}) {
  // `next(i)`: the i-th request's { path } or { body }, so that the load rotates over many different
  // requests (each connection takes the next one in turn) instead of repeating one.
  let sent = 0;
  const rotating = next && {
    requests: [
      {
        setupRequest: (request) => {
          const { path, body: nextBody } = next(sent++);
          return {
            ...request,
            ...(path === undefined ? {} : { path }),
            ...(nextBody === undefined ? {} : { body: JSON.stringify(nextBody) }),
          };
        },
      },
    ],
  };
  const options = {
    url,
    method,
    headers: body === undefined && !next ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    connections: connections ?? settings.connections,
    ...rotating,
  };
  // `warmupRequests`: a warm-up of that many requests (e.g. once round every rotating request) instead of 2 s.
  const warmup = await autocannon(
    warmupRequests ? { ...options, amount: warmupRequests } : { ...options, duration: Math.min(2, seconds) },
  );
  // `cpuPid`: the server's CPU (its processes together) over the measured run only, per request.
  const cpuBefore = cpuPid === undefined ? null : treeCpuSeconds(cpuPid);
  const result = await autocannon({ ...options, duration: seconds });
  const cpuAfter = cpuPid === undefined ? null : treeCpuSeconds(cpuPid);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    warmupRequests: warmup.requests.total,
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || !result.requests.total
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}

/**
 * Latency of requests made by `concurrency` clients one after the other for `seconds` (or `count`
 * requests in all), after `warmup` uncounted ones. `next(i)` gives the i-th request: { path, method?, headers?, body? }.
 */
export async function latency({
  baseUrl,
  next,
  concurrency = 4,
  seconds = 5,
  count = Number.POSITIVE_INFINITY,
  warmup = 0,
}) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const { hostname, port } = new URL(baseUrl);
  const times = [];
  const failures = {};
  let issued = 0;
  const one = (spec) =>
    new Promise((resolve) => {
      const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      const started = performance.now();
      const req = request(
        {
          agent,
          hostname,
          port,
          path: spec.path,
          method: spec.method ?? 'GET',
          headers: {
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
            ...spec.headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const ms = performance.now() - started;
            if (res.statusCode >= 200 && res.statusCode < 300) times.push(ms);
            else failures[res.statusCode] = (failures[res.statusCode] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        failures[error.code ?? 'error'] = (failures[error.code ?? 'error'] ?? 0) + 1;
        resolve();
      });
      req.end(payload);
    });
  // Warm-up (connections, JIT, the pages the first requests bring into InnoDB's buffer pool), not
  // counted: up to `warmup` requests or 2 s. An endpoint that is still slow after that keeps what it
  // measured: a query of seconds is not a warm-up effect, and waiting for more would only stretch the run.
  const warmupStarted = performance.now();
  let warmed = 0;
  while (warmed < warmup && performance.now() < warmupStarted + 2_000) await one(next(warmed++));
  const cutShort = warmed < warmup;
  if (!cutShort) {
    times.length = 0;
    for (const code of Object.keys(failures)) delete failures[code];
  }
  // A slow endpoint's window counts from its first request, so one answer of a minute ends it.
  const deadline = (cutShort ? warmupStarted : performance.now()) + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && issued < count) await one(next(warmed + issued++));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    /** Every request sent, warm-up included (what the server's CPU time was spent on). */
    sent: warmed + issued,
    perSecond: times.length / elapsed,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? null,
    failures,
  };
}

/** A tiny JSON client for setting things up through the API. */
export function apiClient(baseUrl, token) {
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  };
  return {
    baseUrl,
    token,
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body, headers),
    async must(method, path, body, status = [200, 201]) {
      const res = await call(method, path, body);
      if (!status.includes(res.status)) {
        throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
      }
      return res.body;
    },
    async upload(path, bytes, filename) {
      const form = new FormData();
      form.append('file', new Blob([bytes]), filename);
      const res = await fetch(`${baseUrl}/api${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (res.status !== 201) throw new Error(`upload ${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    },
  };
}

export async function login(baseUrl, phone, password = 'demo1234') {
  const res = await apiClient(baseUrl).post('/auth/login', { phone, password });
  if (res.status !== 200) throw new Error(`login ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return apiClient(baseUrl, res.body.accessToken);
}
