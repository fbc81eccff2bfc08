// Latencies of the officials' and checkpoints' reads at volume, and the query plans behind them.
import { chinaToday } from '../../../shared/dist/index.js';
import { serverRequire, settings } from '../lib/common.mjs';
import { latency } from '../lib/load.mjs';

const mysql = serverRequire('mysql2/promise');

/** p50/p99 of each read, a few clients at a time, cycling over many different rows. */
export async function volumeLatencies({ baseUrl, tokens, seeded }) {
  const seconds = settings.quick ? 2 : 5;
  const auth = (token) => ({ authorization: `Bearer ${token}` });
  const { samplePasses, queueSample } = seeded;
  const cases = [
    ['review queue, district official (江宁区, first page)', tokens.district, () => '/api/reviews/queue'],
    [
      'review queue, district official, whitelisted first',
      tokens.district,
      () => '/api/reviews/queue?whitelistFirst=true',
    ],
    ['review queue, city official (南京市, incl. escalated)', tokens.city, () => '/api/reviews/queue'],
    ['review counters, district official', tokens.district, () => '/api/reviews/counters'],
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
    ['pass list GET /api/passes, district official', tokens.district, () => '/api/passes'],
    ['status list, full (GET /api/verification/status-list)', null, () => '/api/verification/status-list'],
  ];
  const results = [];
  for (const [name, token, pathOf] of cases) {
    const slow = name.startsWith('status list') || name.startsWith('pass list');
    const r = await latency({
      baseUrl,
      concurrency: slow ? 1 : 4,
      seconds: slow ? Math.min(seconds, 3) : seconds,
      count: slow ? 20 : Number.POSITIVE_INFINITY,
      warmup: slow ? 1 : 20,
      next: (i) => ({ path: pathOf(i), headers: token ? auth(token) : {} }),
    });
    results.push({ name, ...r });
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
    ['review queue (district 320115)', ...queue('320115', 'district')],
    ['review queue (city 320100)', ...queue('320100', 'city')],
    [
      'review counters: waiting',
      'SELECT COUNT(*) FROM applications a WHERE a.current_jurisdiction = ? AND a.current_level = ?',
      ['320115', 'district'],
    ],
    [
      'review counters: escalated',
      'SELECT COUNT(*) FROM applications a WHERE a.escalation_jurisdiction = ? AND a.escalation_level = ? AND a.due_at < ?',
      ['320100', 'city', now],
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
      'pass list (official 320115)',
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
      const main =
        rows.find((r) => r.table === 'a' || r.table === 'passes' || r.table === 'applications' || r.table === 'p') ??
        rows[0];
      const fullScan = rows.some((r) => r.type === 'ALL' && Number(r.rows) > 10_000);
      plans.push({
        name,
        type: main.type,
        key: main.key,
        rows: Number(main.rows),
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
