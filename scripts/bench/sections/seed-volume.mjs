// Bulk-loads a province's worth of history straight into the tables (LOAD DATA LOCAL INFILE from rows
// generated in Node, streamed; no files): enterprises, their crews and vehicles, `passes` passes with
// their approved applications, and a tenth as many applications waiting in review queues. Row sizes
// follow real rows written by the server through the API (taken as templates), and the passes that
// the benchmark looks up carry real tokens signed with the server's key.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { recountStepCountsSql } from '../../../server/dist/applications/step-count-sql.js';
import { KeyStore } from '../../../server/dist/signing/key-store.js';
import { bytesToDecimal, signPassToken } from '../../../shared/dist/index.js';
import { progress, serverRequire } from '../lib/common.mjs';

const mysql = serverRequire('mysql2/promise');

/** Counties of Jiangsu the load spreads over; 320115 (江宁区) is the demo officials' district. */
const counties = [
  '320102',
  '320104',
  '320105',
  '320106',
  '320111',
  '320113',
  '320114',
  '320115',
  '320116',
  '320117',
  '320118',
  '320205',
  '320206',
  '320211',
  '320213',
  '320214',
  '320302',
  '320303',
  '320311',
  '320312',
  '320402',
  '320411',
  '320412',
  '320505',
  '320506',
  '320507',
  '320508',
  '320509',
  '320612',
  '320613',
  '321202',
  '321203',
  '321204',
];
const cityOf = (county) => `${county.slice(0, 4)}00`;
const plateLetters = 'ABCDEFGHJKLMN';
const dayMs = 86_400_000;

const iso = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

const special = /[\\\t\n]/;

/** A field of LOAD DATA's default format: tab-separated, backslash escapes, \N for NULL. */
function field(value) {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return special.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n') : text;
}

/**
 * Loads `table` with its secondary indexes dropped and then rebuilt in one ALTER TABLE: InnoDB builds
 * an index by sorting, where row-by-row inserts at random places need the whole index in the buffer
 * pool (128 MiB by default) and otherwise read a page per row. Indexes a foreign key needs stay.
 * The table's definition afterwards is checked to be the migrations' own, line for line.
 */
async function withIndexesRebuilt(conn, table, work) {
  const definition = async () => (await conn.query(`SHOW CREATE TABLE \`${table}\``))[0][0]['Create Table'];
  const before = await definition();
  const indexLines = before
    .split('\n')
    .map((line) => line.trim().replace(/,$/, ''))
    .filter((line) => /^(UNIQUE )?KEY `/.test(line));
  const dropped = [];
  for (const line of indexLines) {
    const name = /KEY `([^`]+)`/.exec(line)[1];
    try {
      await conn.query(`ALTER TABLE \`${table}\` DROP INDEX \`${name}\``);
      dropped.push(line);
    } catch (error) {
      // ER_DROP_INDEX_FK: a foreign key needs it; it stays and is filled row by row.
      if (error.errno !== 1553) throw error;
    }
  }
  await work();
  if (dropped.length > 0) {
    await conn.query(
      `ALTER TABLE \`${table}\` ${dropped.map((line) => `ADD ${line.replace(/^KEY/, 'INDEX')}`).join(', ')}`,
    );
  }
  const normalise = (text) =>
    text
      .split('\n')
      .map((line) => line.trim().replace(/,$/, ''))
      .sort()
      .join('\n');
  if (normalise(await definition()) !== normalise(before)) {
    throw new Error(`${table}: the rebuilt indexes differ from the migrations' definition`);
  }
}

/** Random v4 ids, sorted: rows arrive in primary-key order, so InnoDB appends instead of splitting pages. */
function sortedIds(count) {
  const ids = Array.from({ length: count }, () => randomUUID());
  ids.sort();
  return ids;
}

async function load(conn, table, columns, count, rowOf) {
  let i = 0;
  const stream = new Readable({
    read() {
      if (i >= count) {
        this.push(null);
        return;
      }
      let chunk = '';
      for (const end = Math.min(count, i + 2_000); i < end; i++) chunk += `${rowOf(i).map(field).join('\t')}\n`;
      this.push(chunk);
    },
  });
  await conn.query({
    sql: `LOAD DATA LOCAL INFILE 'generated' INTO TABLE \`${table}\` CHARACTER SET utf8mb4 (${columns.map((c) => `\`${c}\``).join(', ')})`,
    infileStreamFactory: () => stream,
  });
}

/**
 * Loads the volume into `dbUrl`, whose server has already issued at least one pass through the API
 * (its application and pass rows are the templates). `sampleSize` passes of the enterprise-district
 * 320115 get real tokens; returns them and the ids of waiting applications for the measurements.
 */
export async function seedVolume({ dbUrl, passes: passCount, keysDir, sampleSize = 2_000 }) {
  const conn = await mysql.createConnection({ uri: dbUrl.replace(/^mariadb:/, 'mysql:'), dateStrings: true });
  const timings = {};
  const t0 = performance.now();
  try {
    await conn.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
    const [[templateApp]] = await conn.query(
      "SELECT * FROM applications WHERE status = 'approved' ORDER BY submitted_at LIMIT 1",
    );
    const [[templatePass]] = await conn.query('SELECT * FROM passes WHERE application_id = ?', [templateApp.id]);
    const [[templateEnterprise]] = await conn.query('SELECT * FROM enterprises WHERE id = ?', [
      templateApp.enterprise_id,
    ]);
    const [templateDrivers] = await conn.query('SELECT * FROM drivers WHERE enterprise_id = ? LIMIT 2', [
      templateApp.enterprise_id,
    ]);
    const [counterRows] = await conn.query('SELECT name, next_value FROM counters');
    const counters = new Map(counterRows.map((r) => [r.name, Number(r.next_value)]));
    const official = templatePass.issued_by;

    const enterpriseCount = Math.max(100, Math.round(passCount / 1_000));
    const vehicleCount = Math.max(1_000, Math.round(passCount / 10));
    const waitingCount = Math.max(1_000, Math.round(passCount / 10));
    const now = Date.now();

    // Enterprises, two crew members each, and vehicles.
    const enterpriseIds = sortedIds(enterpriseCount);
    const enterpriseCounty = enterpriseIds.map((_, i) => counties[i % counties.length]);
    const enterpriseName = enterpriseIds.map((_, i) => `江苏省示范物流运输有限公司${i}`);
    await load(
      conn,
      'enterprises',
      [
        'id',
        'created_at',
        'updated_at',
        'credit_code',
        'name',
        'address',
        'contact_name',
        'contact_phone',
        'district_code',
        'verified_at',
      ],
      enterpriseCount,
      (i) => {
        const at = iso(now - 400 * dayMs + i * 1000);
        // Unique and of the right length; the check character is not verified on reads.
        const creditCode = `91${enterpriseCounty[i]}BN${String(i).padStart(7, '0')}X`;
        return [
          enterpriseIds[i],
          at,
          at,
          creditCode,
          enterpriseName[i],
          templateEnterprise.address,
          '张三',
          '13800138000',
          enterpriseCounty[i],
          at,
        ];
      },
    );
    const driverIds = sortedIds(enterpriseCount * 2);
    await load(
      conn,
      'drivers',
      [
        'id',
        'created_at',
        'updated_at',
        'enterprise_id',
        'name',
        'id_number_encrypted',
        'id_number_hash',
        'id_number_masked',
        'phone',
        'role',
      ],
      driverIds.length,
      (i) => {
        const template = templateDrivers[i % 2] ?? templateDrivers[0];
        const at = iso(now - 400 * dayMs);
        const hash = `${String(i).padStart(8, '0')}${template.id_number_hash.slice(8)}`;
        return [
          driverIds[i],
          at,
          at,
          enterpriseIds[i >> 1],
          template.name,
          template.id_number_encrypted,
          hash,
          template.id_number_masked,
          template.phone,
          template.role,
        ];
      },
    );
    const crewOf = (enterprise) => [driverIds[enterprise * 2], driverIds[enterprise * 2 + 1]];
    const vehicleIds = sortedIds(vehicleCount);
    const vehicleEnterprise = vehicleIds.map((_, i) => i % enterpriseCount);
    const plateOf = (i) =>
      `苏${plateLetters[i % plateLetters.length]}${String(Math.floor(i / plateLetters.length)).padStart(5, '0')}`;
    await load(
      conn,
      'vehicles',
      [
        'id',
        'created_at',
        'updated_at',
        'enterprise_id',
        'plate',
        'plate_colour',
        'vehicle_type',
        'transport_license_number',
        'vin',
      ],
      vehicleCount,
      (i) => {
        const at = iso(now - 400 * dayMs);
        return [
          vehicleIds[i],
          at,
          at,
          enterpriseIds[vehicleEnterprise[i]],
          plateOf(i),
          'yellow',
          'semi_trailer_tractor',
          '320115001234',
          null,
        ];
      },
    );
    timings.referenceRowsSeconds = (performance.now() - t0) / 1000;

    // Passes and their approved applications. Pass i is issued (365 days ago → now) by the county of
    // its vehicle's enterprise; numbers continue each county's counter, status indexes the global one.
    // Ids are random v4 UUIDs, sorted and handed out in row order, so each table loads in key order.
    progress(`seeding: ${passCount} passes`);
    const passIds = sortedIds(passCount);
    const vehicleOfPass = (i) => (i * 7919) % vehicleCount;
    const countyOfPass = (i) => enterpriseCounty[vehicleEnterprise[vehicleOfPass(i)]];
    const serialOfPass = new Uint32Array(passCount);
    const perCounty = new Map();
    for (let i = 0; i < passCount; i++) {
      const county = countyOfPass(i);
      const next = (perCounty.get(county) ?? (counters.get(`serial:${county}`) ?? 1) - 1) + 1;
      perCounty.set(county, next);
      serialOfPass[i] = next;
    }
    const statusBase = (counters.get('status-index') ?? 1) - 1;
    // The sample the benchmark verifies online: the newest passes of 320115, issued (in order) since the
    // server's key began, so that their tokens carry real claims, and valid from their day of issue.
    const key = await new KeyStore(keysDir).signingKey(new Date());
    const sampleIndexes = [];
    for (let i = passCount - 1; i >= 0 && sampleIndexes.length < sampleSize; i--) {
      if (countyOfPass(i) === '320115') sampleIndexes.unshift(i);
    }
    const sampleRank = new Map(sampleIndexes.map((i, rank) => [i, rank]));
    const sampleFrom = Math.max(Date.parse(key.notBefore), now - dayMs) + 1_000;
    const issuedAtOf = (i) =>
      sampleRank.has(i)
        ? sampleFrom + Math.floor(((sampleRank.get(i) + 1) * (now - sampleFrom)) / (sampleIndexes.length + 1))
        : now - 365 * dayMs + Math.floor((i / passCount) * 364 * dayMs);
    const validFromOf = (i) => day(issuedAtOf(i) + (sampleRank.has(i) ? 0 : dayMs));
    const validToOf = (i) => day(issuedAtOf(i) + 5 * dayMs);
    const passNumberOf = (i) => `${countyOfPass(i)}${String(serialOfPass[i]).padStart(6, '0')}`;

    // Applications: the approved one of each pass and the waiting ones, spread evenly over the id range.
    const totalApplications = passCount + waitingCount;
    const applicationIds = sortedIds(totalApplications);
    const isWaitingSlot = (k) =>
      Math.floor(((k + 1) * waitingCount) / totalApplications) > Math.floor((k * waitingCount) / totalApplications);
    const applicationOfPass = new Uint32Array(passCount);
    for (let k = 0, i = 0; k < totalApplications; k++) if (!isWaitingSlot(k)) applicationOfPass[i++] = k;

    const sample = new Map();
    for (const i of sampleIndexes) {
      const issuedAt = issuedAtOf(i);
      const token = signPassToken(
        {
          passNumber: passNumberOf(i),
          plate: plateOf(vehicleOfPass(i)),
          plateColour: 'yellow',
          validFrom: validFromOf(i),
          validTo: validToOf(i),
          originCode: '320115',
          destinationCode: '310104',
          waypointCodes: ['320583'],
          materialCategory: 'medical',
          statusIndex: statusBase + i,
          issuedAt: new Date(Math.floor(issuedAt / 1000) * 1000).toISOString(),
        },
        { kid: key.kid, secretKey: key.secretKey, algorithm: key.alg },
      );
      sample.set(i, bytesToDecimal(token));
    }

    const statusOf = (i) => (i % 100 < 3 ? 'superseded' : i % 100 === 3 ? 'revoked' : 'active');
    const passColumns = [
      'id',
      'created_at',
      'updated_at',
      'pass_number',
      'issuer_code',
      'routing_county',
      'status_index',
      'application_id',
      'enterprise_id',
      'enterprise_name',
      'vehicle_id',
      'plate',
      'plate_colour',
      'vehicle_type',
      'crew',
      'material_category',
      'material_description',
      'origin_code',
      'destination_code',
      'waypoint_codes',
      'valid_from',
      'valid_to',
      'issuing_department',
      'issued_at',
      'issued_by',
      'token_digits',
      'token_kid',
      'status',
      'ended_at',
      'end_reason',
      'superseded_by',
      'quota_jurisdiction',
      'quota_period',
    ];
    await withIndexesRebuilt(conn, 'passes', () =>
      load(conn, 'passes', passColumns, passCount, (i) => {
        const issuedAt = issuedAtOf(i);
        const vehicle = vehicleOfPass(i);
        const enterprise = vehicleEnterprise[vehicle];
        const status = statusOf(i);
        const ended = status === 'active' ? null : iso(issuedAt + 2 * dayMs);
        return [
          passIds[i],
          iso(issuedAt),
          iso(issuedAt),
          passNumberOf(i),
          countyOfPass(i),
          countyOfPass(i),
          statusBase + i,
          applicationIds[applicationOfPass[i]],
          enterpriseIds[enterprise],
          enterpriseName[enterprise],
          vehicleIds[vehicle],
          plateOf(vehicle),
          'yellow',
          'semi_trailer_tractor',
          templatePass.crew,
          templatePass.material_category,
          templatePass.material_description,
          templatePass.origin_code,
          templatePass.destination_code,
          templatePass.waypoint_codes,
          validFromOf(i),
          validToOf(i),
          templatePass.issuing_department,
          iso(issuedAt),
          official,
          sample.get(i) ?? templatePass.token_digits,
          key.kid,
          status,
          ended,
          status === 'active' ? null : status === 'revoked' ? '企业申请撤销' : '由新证替代',
          null,
          null,
          null,
        ];
      }),
    );
    // Each ended pass's change, as the server records it (pass_status_changes, a version each), so that
    // a running server's copy of the status list sees them as one delta, like any revocation.
    const endedCount = Math.floor(passCount / 100) * 4 + Math.min(passCount % 100, 4);
    const endedPass = (k) => Math.floor(k / 4) * 100 + (k % 4);
    const versionBase = (counters.get('status-list-version') ?? 1) - 1;
    await load(conn, 'pass_status_changes', ['version', 'status_index', 'status', 'created_at'], endedCount, (k) => [
      versionBase + k + 1,
      statusBase + endedPass(k),
      statusOf(endedPass(k)) === 'revoked' ? 1 : 2,
      iso(issuedAtOf(endedPass(k)) + 2 * dayMs),
    ]);
    await conn.query(
      'INSERT INTO counters (name, next_value) VALUES (?, ?) ON DUPLICATE KEY UPDATE next_value = VALUES(next_value)',
      ['status-list-version', versionBase + endedCount + 1],
    );
    timings.passesSeconds = (performance.now() - t0) / 1000 - timings.referenceRowsSeconds;

    const appColumns = [
      'id',
      'created_at',
      'updated_at',
      'enterprise_id',
      'status',
      'client_request_id',
      'vehicle_id',
      'crew_driver_ids',
      'material_category',
      'material_description',
      'quantity',
      'quantity_unit',
      'consignor',
      'consignee',
      'origin_code',
      'destination_code',
      'waypoint_codes',
      'valid_from',
      'valid_to',
      'attachment_ids',
      'review_steps',
      'review_level_index',
      'approvals',
      'last_reason',
      'fields_to_fix',
      'submitted_at',
      'version',
      'current_level',
      'current_jurisdiction',
      'escalation_level',
      'escalation_jurisdiction',
      'due_at',
      'whitelisted',
    ];
    const appRow = (id, enterprise, vehicle, submittedAt, extra) => {
      const validFrom = submittedAt + dayMs;
      return [
        id,
        iso(submittedAt - 600_000),
        iso(extra.updatedAt ?? submittedAt),
        enterpriseIds[enterprise],
        extra.status,
        null,
        vehicleIds[vehicle],
        JSON.stringify(crewOf(enterprise)),
        templateApp.material_category,
        templateApp.material_description,
        templateApp.quantity,
        templateApp.quantity_unit,
        templateApp.consignor,
        templateApp.consignee,
        templateApp.origin_code,
        templateApp.destination_code,
        templateApp.waypoint_codes,
        day(validFrom),
        day(validFrom + 4 * dayMs),
        templateApp.attachment_ids,
        extra.reviewSteps,
        extra.levelIndex,
        extra.approvals,
        null,
        '[]',
        iso(submittedAt),
        extra.version,
        extra.currentLevel ?? null,
        extra.currentJurisdiction ?? null,
        extra.escalationLevel ?? null,
        extra.escalationJurisdiction ?? null,
        extra.dueAt === undefined ? null : iso(extra.dueAt),
        extra.whitelisted ? 1 : 0,
      ];
    };
    const approvedRow = (slot, i) => {
      const vehicle = vehicleOfPass(i);
      const issuedAt = issuedAtOf(i);
      return appRow(applicationIds[slot], vehicleEnterprise[vehicle], vehicle, issuedAt - 7_200_000, {
        status: 'approved',
        updatedAt: issuedAt,
        reviewSteps: JSON.stringify([{ level: 'district', jurisdictionCode: countyOfPass(i) }]),
        levelIndex: 0,
        approvals: templateApp.approvals,
        version: 3,
      });
    };
    // Waiting: 30 % in 江宁区's district queue, 10 % at 南京市's city level, the rest over other counties;
    // submitted over the last 5 days against a 3-day deadline, so part of each queue is overdue and
    // escalated to the city.
    const queueSample = { district320115: [], city320100: [] };
    const waitingRow = (slot, j) => {
      const share = j % 10;
      const atCity = share === 3;
      const county = share <= 3 ? '320115' : counties[j % counties.length];
      const submittedAt = now - ((j * 7_919_000) % (5 * dayMs));
      const steps = [
        { level: 'district', jurisdictionCode: county },
        { level: 'city', jurisdictionCode: cityOf(county) },
      ];
      const vehicle = (j * 104_729) % vehicleCount;
      const id = applicationIds[slot];
      if (county === '320115' && !atCity && queueSample.district320115.length < 500)
        queueSample.district320115.push(id);
      if (atCity && queueSample.city320100.length < 500) queueSample.city320100.push(id);
      return appRow(id, vehicleEnterprise[vehicle], vehicle, submittedAt, {
        status: atCity ? 'under_review' : 'submitted',
        reviewSteps: JSON.stringify(steps),
        levelIndex: atCity ? 1 : 0,
        approvals: atCity ? templateApp.approvals : '[]',
        version: atCity ? 3 : 2,
        currentLevel: atCity ? 'city' : 'district',
        currentJurisdiction: atCity ? cityOf(county) : county,
        escalationLevel: atCity ? null : 'city',
        escalationJurisdiction: atCity ? null : cityOf(county),
        dueAt: submittedAt + 3 * dayMs,
        whitelisted: j % 17 === 0,
      });
    };
    progress(`seeding: ${passCount} approved and ${waitingCount} waiting applications`);
    let approvedSoFar = 0;
    let waitingSoFar = 0;
    await withIndexesRebuilt(conn, 'applications', () =>
      load(conn, 'applications', appColumns, totalApplications, (k) =>
        isWaitingSlot(k) ? waitingRow(k, waitingSoFar++) : approvedRow(k, approvedSoFar++),
      ),
    );
    timings.applicationsSeconds =
      (performance.now() - t0) / 1000 - timings.referenceRowsSeconds - timings.passesSeconds;

    // The counters continue after the loaded passes, so issuing on this database stays correct.
    for (const [county, last] of perCounty) {
      await conn.query(
        'INSERT INTO counters (name, next_value) VALUES (?, ?) ON DUPLICATE KEY UPDATE next_value = VALUES(next_value)',
        [`serial:${county}`, last + 1],
      );
    }
    await conn.query(
      'INSERT INTO counters (name, next_value) VALUES (?, ?) ON DUPLICATE KEY UPDATE next_value = VALUES(next_value)',
      ['status-index', statusBase + passCount + 1],
    );
    // The review counters are kept by each transition; rows loaded around the server are counted here.
    for (const sql of recountStepCountsSql('mariadb')) await conn.query(sql);
    progress('seeding: ANALYZE TABLE');
    await conn.query('ANALYZE TABLE applications, passes, vehicles, enterprises, drivers, review_step_counts');
    timings.totalSeconds = (performance.now() - t0) / 1000;

    const samplePasses = [...sample].map(([i, digits]) => ({
      passNumber: passNumberOf(i),
      id: passIds[i],
      digits,
    }));
    return {
      rows: {
        enterprises: enterpriseCount,
        drivers: driverIds.length,
        vehicles: vehicleCount,
        passes: passCount,
        approvedApplications: passCount,
        waitingApplications: waitingCount,
      },
      timings,
      samplePasses,
      queueSample,
      category: templateApp.material_category,
    };
  } finally {
    await conn.end();
  }
}
