// Latencies of the officials' and checkpoints' reads at volume, and the query plans behind them.
import { chinaToday } from '../../../shared/dist/index.js';
import { cpuSeconds, serverRequire, settings } from '../lib/common.mjs';
import { latency } from '../lib/load.mjs';

const mysql = serverRequire('mysql2/promise');

/** p50/p99 of each read, a few clients at a time, cycling over many different rows. */
export async function volumeLatencies({ baseUrl, tokens, seeded, serverPid }) {
  const seconds = settings.quick ? 2 : 5;
  const auth = (token) => ({ authorization: `Bearer ${token}` });
  const { samplePasses, queueSample } = seeded;
  const category = encodeURIComponent(seeded.category);
  // Ten of the seeded enterprises' names begin so (江苏省示范物流运输有限公司13, 130–138 by name), seven of
  // them registered in 南京市 (at 200 to 1,000 enterprises, i.e. 200k to 1M passes): the city official's
  // search finds their passes there, and the others' elsewhere are what it must not read.
  const nameQuery = encodeURIComponent('江苏省示范物流运输有限公司13');
  const queueCursor = await (async () => {
    const res = await fetch(`${baseUrl}/api/reviews/queue`, { headers: auth(tokens.district) });
    return (await res.json()).nextCursor;
  })();
  // Point reads first: the list queries below read large parts of the tables and, with a small buffer
  // pool, evict the pages the point reads would otherwise find cached.
  const cases = [
    [
      'application detail GET /api/reviews/:id',
      tokens.district,
      (i) => `/api/reviews/${queueSample.district320115[i % queueSample.district320115.length]}`,
    ],
    [
      'pass lookup GET /api/verification/passes/:number',
      tokens.checkpoint,
      (i) => `/api/verification/passes/${samplePasses[i % samplePasses.length].passNumber}`,
    ],
    ['pass GET /api/passes/:id', tokens.district, (i) => `/api/passes/${samplePasses[i % samplePasses.length].id}`],
    ['review counters, district official', tokens.district, () => '/api/reviews/counters'],
    ['review counters, city official', tokens.city, () => '/api/reviews/counters'],
    ['review queue, district official (江宁区, first page)', tokens.district, () => '/api/reviews/queue'],
    ['review queue, city official (南京市, incl. escalated)', tokens.city, () => '/api/reviews/queue'],
    ['review queue, city official, whitelisted first', tokens.city, () => '/api/reviews/queue?whitelistFirst=true'],
    [
      'review queue, district official, whitelisted first',
      tokens.district,
      () => '/api/reviews/queue?whitelistFirst=true',
    ],
    ['review queue, district official, overdue only', tokens.district, () => '/api/reviews/queue?overdue=true'],
    ['review queue, city official, overdue only', tokens.city, () => '/api/reviews/queue?overdue=true'],
    ['review queue, district official, by category', tokens.district, () => `/api/reviews/queue?category=${category}`],
    [
      'review queue, city official, by category, whitelisted first',
      tokens.city,
      () => `/api/reviews/queue?category=${category}&whitelistFirst=true`,
    ],
    [
      'review queue, district official, next page',
      tokens.district,
      () => `/api/reviews/queue?cursor=${encodeURIComponent(queueCursor)}`,
    ],
    [
      'review queue search, district official, by pass number',
      tokens.district,
      (i) => `/api/reviews/queue?q=${samplePasses[i % samplePasses.length].passNumber}`,
    ],
    ['review queue search, city official, by enterprise name', tokens.city, () => `/api/reviews/queue?q=${nameQuery}`],
    ['pass list GET /api/passes, district official', tokens.district, () => '/api/passes'],
    ['pass list GET /api/passes, city official', tokens.city, () => '/api/passes'],
    ['pass list GET /api/passes, province official', tokens.province, () => '/api/passes'],
    ['pass list GET /api/passes, admin', tokens.admin, () => '/api/passes'],
    [
      'pass list search, admin, by pass number',
      tokens.admin,
      (i) => `/api/passes?q=${samplePasses[i % samplePasses.length].passNumber}`,
    ],
    ['pass list search, city official, by enterprise name', tokens.city, () => `/api/passes?q=${nameQuery}`],
    ['enterprises, district official', tokens.district, () => '/api/enterprises'],
    ['enterprises, city official, awaiting verification', tokens.city, () => '/api/enterprises?pending=true'],
    ['clone alerts, admin', tokens.admin, () => '/api/alerts/clones'],
    ['audit log, admin', tokens.admin, () => '/api/admin/audit'],
    ['audit log, admin, one entity type', tokens.admin, () => '/api/admin/audit?entityType=application'],
    ['statistics, district official', tokens.district, () => '/api/stats'],
    ['statistics, city official', tokens.city, () => '/api/stats'],
    ['statistics, admin', tokens.admin, () => '/api/stats'],
    ['status list, full (GET /api/verification/status-list)', null, () => '/api/verification/status-list'],
  ];
  const results = [];
  for (const [name, token, pathOf] of cases) {
    // Lists and the status list are heavy by nature: one client, fewer requests.
    const heavy = !name.startsWith('review counters') && !/^(application detail|pass lookup|pass GET)/.test(name);
    const cpuBefore = cpuSeconds(serverPid);
    const r = await latency({
      baseUrl,
      concurrency: heavy ? 1 : 4,
      seconds: heavy ? Math.min(seconds, 3) : seconds,
      count: heavy ? 30 : Number.POSITIVE_INFINITY,
      warmup: heavy ? 2 : 20,
      next: (i) => ({ path: pathOf(i), headers: token ? auth(token) : {} }),
    });
    const cpuMs = (cpuSeconds(serverPid) - cpuBefore) * 1000;
    // Issue 18's goals: the officials' and admins' lists p99 ≤ 50 ms, the review counters ≤ 20 ms.
    const goalP99Ms = name.startsWith('review counters')
      ? 20
      : heavy && !name.startsWith('status list')
        ? 50
        : undefined;
    results.push({ name, ...r, serverCpuMs: serverPid ? cpuMs / r.sent : undefined, goalP99Ms });
  }
  return results;
}

/**
 * EXPLAIN of the statements behind those reads, as TypeORM sends them (shape and indexes; values from
 * the seeded data). A plan that reads the whole table (type ALL) or far more rows than it returns is flagged.
 */
export async function explainQueries({ dbUrl, seeded }) {
  const conn = await mysql.createConnection({ uri: dbUrl.replace(/^mariadb:/, 'mysql:'), dateStrings: true });
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const today = chinaToday();
  const hourStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)
    .toISOString()
    .replace('T', ' ')
    .replace('Z', '');
  const pass = seeded.samplePasses[0];
  const [[app]] = await conn.query('SELECT id, enterprise_id, vehicle_id FROM applications WHERE id = ?', [
    seeded.queueSample.district320115[0],
  ]);
  const [[vehicle]] = await conn.query('SELECT plate, plate_colour FROM vehicles WHERE id = ?', [app.vehicle_id]);
  const queue = (jurisdiction, level) => [
    `SELECT a.id, a.status, a.submitted_at, a.due_at, a.whitelisted, e.name, v.plate
       FROM applications a INNER JOIN enterprises e ON e.id = a.enterprise_id LEFT JOIN vehicles v ON v.id = a.vehicle_id
      WHERE ((a.current_jurisdiction = ? AND a.current_level = ?)
          OR (a.escalation_jurisdiction = ? AND a.escalation_level = ? AND a.due_at < ?))
      ORDER BY a.submitted_at ASC, a.id ASC LIMIT 21`,
    [jurisdiction, level, jurisdiction, level, now],
  ];
  const statements = [
    // The queue and pass-list statements as they were before issue 18 (one OR, joins inside), kept to show
    // why they were replaced; the server's own statements are checked in server/test/query-plans.spec.ts.
    ['review queue before issue 18 (district 320115)', ...queue('320115', 'district')],
    ['review queue before issue 18 (city 320100)', ...queue('320100', 'city')],
    // The review counters' parts, each EXPLAINed alone: the server reads them in one statement (the
    // hour's due applications as scalar subqueries, step-counts.ts), whose rows do not multiply.
    [
      "review counters: the step's count rows",
      "SELECT SUM(c.n), SUM(CASE WHEN c.due_hour < ? THEN c.n ELSE 0 END) FROM review_step_counts c WHERE c.side = 'current' AND c.jurisdiction = ? AND c.level = ?",
      [Math.floor(Date.now() / 3_600_000), '320115', 'district'],
    ],
    [
      'review counters: due since this hour began',
      'SELECT COUNT(*) FROM applications a WHERE a.current_jurisdiction = ? AND a.current_level = ? AND a.due_at >= ? AND a.due_at < ?',
      ['320115', 'district', hourStart, now],
    ],
    [
      'review counters: escalated since this hour began',
      'SELECT COUNT(*) FROM applications a WHERE a.escalation_jurisdiction = ? AND a.escalation_level = ? AND a.due_at >= ? AND a.due_at < ?',
      ['320100', 'city', hourStart, now],
    ],
    ['application by id', 'SELECT * FROM applications WHERE id = ?', [app.id]],
    [
      "detail: vehicle's active passes",
      "SELECT * FROM passes WHERE plate = ? AND plate_colour = ? AND status = 'active' AND valid_to >= ?",
      [vehicle.plate, vehicle.plate_colour, today],
    ],
    ['pass by number', 'SELECT * FROM passes WHERE pass_number = ?', [pass.passNumber]],
    ['pass by id', 'SELECT * FROM passes WHERE id = ?', [pass.id]],
    [
      'pass list before issue 18 (official 320115)',
      `SELECT * FROM passes p WHERE (p.routing_county LIKE ? OR p.issuer_code LIKE ?) ORDER BY p.issued_at DESC, p.id DESC LIMIT 21`,
      ['320115%', '320115%'],
    ],
    [
      'issuance: enterprise active passes (cap)',
      "SELECT COUNT(*) FROM passes WHERE enterprise_id = ? AND status = 'active' AND valid_to >= ?",
      [app.enterprise_id, today],
    ],
    [
      'status list, full: ended passes',
      "SELECT status_index, status FROM passes WHERE status IN ('revoked', 'superseded')",
      [],
    ],
  ];
  const plans = [];
  try {
    for (const [name, sql, params] of statements) {
      const [rows] = await conn.query(`EXPLAIN ${sql}`, params);
      const main = rows.find((r) => ['a', 'p', 'passes', 'applications'].includes(r.table)) ?? rows[0];
      // Nested loops: the rows of each step multiply. Far more than a page of results means no index fits.
      const examined = rows.reduce((product, r) => product * Math.max(1, Number(r.rows)), 1);
      const fullScan = rows.some((r) => r.type === 'ALL' && Number(r.rows) > 10_000) || examined > 50_000;
      plans.push({
        name,
        type: main.type,
        key: main.key,
        rows: Number(main.rows),
        examined,
        extra: main.Extra,
        fullScan,
        plan: rows.map((r) => ({ table: r.table, type: r.type, key: r.key, rows: Number(r.rows), extra: r.Extra })),
      });
    }
  } finally {
    await conn.end();
  }
  return plans;
}

/**
 * What the fixes proposed in docs/scaling.md buy, measured on this (throw-away) database: the review
 * queue as sent today, rewritten as a UNION ALL of two index-ordered branches, and the same with an
 * index on the escalation side ordered by submission; the full status list with an index on status.
 * The indexes are added at the very end, after every other measurement.
 */
export async function proposedFixes({ dbUrl }) {
  const conn = await mysql.createConnection({ uri: dbUrl.replace(/^mariadb:/, 'mysql:'), dateStrings: true });
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const current = (j, l) => [
    `SELECT a.id, a.status, a.submitted_at, a.due_at, a.whitelisted, e.name, v.plate
       FROM applications a INNER JOIN enterprises e ON e.id = a.enterprise_id LEFT JOIN vehicles v ON v.id = a.vehicle_id
      WHERE ((a.current_jurisdiction = ? AND a.current_level = ?)
          OR (a.escalation_jurisdiction = ? AND a.escalation_level = ? AND a.due_at < ?))
      ORDER BY a.submitted_at ASC, a.id ASC LIMIT 21`,
    [j, l, j, l, now],
  ];
  const union = (j, l) => [
    `SELECT a.id, a.status, a.submitted_at, a.due_at, a.whitelisted, e.name, v.plate FROM (
       (SELECT id, submitted_at FROM applications WHERE current_jurisdiction = ? AND current_level = ?
         ORDER BY submitted_at, id LIMIT 21)
       UNION ALL
       (SELECT id, submitted_at FROM applications
         WHERE escalation_jurisdiction = ? AND escalation_level = ? AND due_at < ?
         ORDER BY submitted_at, id LIMIT 21)
     ) q JOIN applications a ON a.id = q.id JOIN enterprises e ON e.id = a.enterprise_id
     LEFT JOIN vehicles v ON v.id = a.vehicle_id ORDER BY q.submitted_at, q.id LIMIT 21`,
    [j, l, j, l, now],
  ];
  const statusList = ["SELECT status_index, status FROM passes WHERE status IN ('revoked', 'superseded')", []];
  // MariaDB stops a statement after this many seconds (max_statement_time; MySQL has no such variable,
  // and there the statement just runs): a plan of minutes is reported as over the cap, not waited for.
  const capSeconds = 15;
  await conn.query(`SET SESSION max_statement_time = ${capSeconds}`).catch(() => {});
  // Median of 3 after one run that warms the buffer pool; a statement slower than 5 s runs once.
  const time = async ([sql, params]) => {
    const runs = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      try {
        await conn.query(sql, params);
      } catch (error) {
        // ER_STATEMENT_TIMEOUT
        if (error.errno === 1969) return { ms: capSeconds * 1000, overCap: true };
        throw error;
      }
      const ms = performance.now() - t0;
      if (i === 0 && ms > 5_000) return { ms };
      if (i > 0) runs.push(ms);
    }
    return { ms: runs.sort((a, b) => a - b)[1] };
  };
  const queues = [
    ['district 320115', '320115', 'district'],
    ['city 320100', '320100', 'city'],
  ];
  const results = [];
  try {
    for (const [who, j, l] of queues) {
      results.push({ name: `review queue ${who}: as today`, ...(await time(current(j, l))) });
      results.push({ name: `review queue ${who}: UNION ALL rewrite`, ...(await time(union(j, l))) });
    }
    results.push({ name: 'status list, ended passes: as today', ...(await time(statusList)) });
    // Building an index over a million rows takes longer than the cap on the timed statements.
    await conn.query('SET SESSION max_statement_time = 0').catch(() => {});
    await conn.query(
      // IF NOT EXISTS: migration 3 now creates equivalent indexes itself (docs/scaling.md §6).
      'ALTER TABLE applications ADD INDEX IF NOT EXISTS idx_applications_escalation_queue (escalation_jurisdiction, escalation_level, submitted_at)',
    );
    await conn.query('ALTER TABLE passes ADD INDEX IF NOT EXISTS idx_passes_status (status, status_index)');
    for (const [who, j, l] of queues) {
      results.push({
        name: `review queue ${who}: UNION ALL + escalation index by submitted_at`,
        ...(await time(union(j, l))),
      });
    }
    results.push({ name: 'status list, ended passes: index (status, status_index)', ...(await time(statusList)) });
  } finally {
    await conn.end();
  }
  return results;
}
