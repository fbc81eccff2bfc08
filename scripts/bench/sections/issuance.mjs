// Issuance through the API on MariaDB: applications approved at a single-level chain, each approval
// numbering, signing and storing its pass in one transaction; then the QR PNG of each pass, drawn and
// then again from the cache. The goal's line is one district's official approving one at a time (one
// issuer: every approval waits for the one before it at the issuer's serial); beside it, the same
// approvals spread over eight districts' officials (eight issuers, as a province has), and batch
// approval (`POST /reviews/batch-approve`, the officials' `b` key). The one official's approvals are
// measured again with one server process per core (SERVER_PROCESSES=auto), as docs/scaling.md §2
// deploys the server: the serial still makes them take turns, now across processes.
import { cpus } from 'node:os';
import { addDays, chinaToday, idNumberCheckCharacter } from '../../../shared/dist/index.js';
import { cpuSeconds, progress, settings, treeCpuSeconds } from '../lib/common.mjs';
import { apiClient, latency } from '../lib/load.mjs';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const idNumber = (serial) => {
  const first17 = `32010219800101${String(serial).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

const party = (name) => ({
  name,
  address: '江苏省南京市江宁区某某路1号',
  contactName: '王经理',
  contactPhone: '13800138000',
});

/** Runs `task(i)` for i < count, `concurrency` at a time. */
async function pool(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Districts of 南京市 whose officials approve the spread load (the demo's 江宁区 official among them). */
const districts = ['320115', '320102', '320104', '320105', '320106', '320111', '320113', '320114'];

/** An official of each district but the demo's (created by the admin, first sign-in done), by code. */
async function districtOfficials(baseUrl, admin, demoOfficial) {
  const officials = new Map([[districts[0], demoOfficial]]);
  for (const [i, code] of districts.slice(1).entries()) {
    const phone = `1370000${String(100 + i).padStart(4, '0')}`;
    await admin.must('POST', '/admin/accounts', {
      role: 'official',
      name: `区县审核${'甲乙丙丁戊己庚'[i]}`,
      phone,
      password: 'Bench2026',
      jurisdictionCode: code,
      department: '区工业和信息化局',
      reviewLevel: 'district',
    });
    const first = await apiClient(baseUrl).post('/auth/login', { phone, password: 'Bench2026' });
    const changed = await apiClient(baseUrl, first.body.accessToken).post('/auth/password', {
      currentPassword: 'Bench2026',
      newPassword: 'Bench2026New',
    });
    if (changed.status !== 200) throw new Error(`official ${phone}: ${changed.status} ${JSON.stringify(changed.body)}`);
    officials.set(code, apiClient(baseUrl, changed.body.accessToken));
  }
  return officials;
}

/** Approvals of `applicationIds` (`decide(i)` sends one), `concurrency` at a time: rate, latency, server CPU. */
async function approvals({ count, concurrency, serverPid, decide }) {
  const passIds = [];
  const times = [];
  const failures = {};
  const started = performance.now();
  // The server's processes together (one, or a primary and its workers).
  const cpuBefore = treeCpuSeconds(serverPid);
  await pool(count, concurrency, async (i) => {
    const t0 = performance.now();
    const outcome = await decide(i);
    for (const passId of outcome.passIds) {
      times.push(performance.now() - t0);
      passIds.push(passId);
    }
    for (const key of outcome.failures) failures[key] = (failures[key] ?? 0) + 1;
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = treeCpuSeconds(serverPid);
  times.sort((a, b) => a - b);
  return {
    passIds,
    approved: passIds.length,
    perSecond: passIds.length / elapsed,
    p50Ms: times[Math.floor(times.length / 2)] ?? null,
    p99Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] ?? null,
    failures,
    // The server's CPU per pass bounds one process's rate (1000 / ms per pass) however idle the machine.
    serverCpuMsPerPass:
      cpuBefore === null || cpuAfter === null || passIds.length === 0
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / passIds.length,
  };
}

/** One application decided through `client`: its pass, or why not. */
async function approveOne(client, applicationId) {
  const res = await client.post(`/reviews/${applicationId}/decision`, { decision: 'approve' });
  return res.status === 200 && res.body.passId
    ? { passIds: [res.body.passId], failures: [] }
    : { passIds: [], failures: [`${res.status} ${res.body?.code ?? ''}`] };
}

/**
 * Prepares `settings.issuance` submitted applications of the demo enterprise (one vehicle each, the
 * same crew and documents), approves them `concurrency` at a time, and renders every pass's QR PNG.
 * With `startMultiProcessServer()` (the same server and database, SERVER_PROCESSES=auto), the one
 * official's approvals once more through it. Returns the rates and the issued passes (id, number, URL)
 * for the later sections.
 */
export async function issuance({ fleetManager, official, admin, serverPid, startMultiProcessServer, concurrency = 8 }) {
  const count = settings.issuance;
  progress(`issuance: preparing ${count} submitted applications`);
  const driver = await fleetManager.must('POST', '/drivers', {
    name: '周师傅',
    idNumber: idNumber(1),
    phone: '13912345678',
    role: 'driver',
  });
  const escort = await fleetManager.must('POST', '/drivers', {
    name: '郑押运',
    idNumber: idNumber(2),
    phone: '13912345679',
    role: 'escort',
  });
  // Licences are held by the driver and each vehicle (uploaded once, with their expiry); an
  // application cites only its own papers, here the commitment letter.
  const until = addDays(chinaToday(), 365);
  await fleetManager.upload(
    `/attachments?kind=driving_licence&driverId=${driver.id}&expiresOn=${until}`,
    png,
    'driving.png',
  );
  const attachmentIds = [(await fleetManager.upload('/attachments?kind=commitment_letter', pdf, 'letter.pdf')).id];
  const from = addDays(chinaToday(), 1);
  // Submitted applications, each from the district `originOf(i)`: the bench's province routes by
  // origin, so that district's official reviews and issues it. Each call takes the next plates.
  let nextPlate = 0;
  const prepare = async (originOf, howMany = count) => {
    const first = nextPlate;
    nextPlate += howMany;
    const applicationIds = new Array(howMany);
    await pool(howMany, 8, async (i) => {
      const vehicle = await fleetManager.must('POST', '/vehicles', {
        plate: `苏A${String(50_000 + first + i).padStart(5, '0')}`,
        plateColour: 'yellow',
        vehicleType: 'semi_trailer_tractor',
        transportLicenseNumber: '320115001234',
      });
      await fleetManager.upload(
        `/attachments?kind=vehicle_licence&vehicleId=${vehicle.id}&expiresOn=${until}`,
        png,
        'vehicle.png',
      );
      const draft = await fleetManager.must('POST', '/applications', {
        vehicleId: vehicle.id,
        crewDriverIds: [driver.id, escort.id],
        materialCategory: 'medical',
        materialDescription: '医用防护服及口罩',
        quantity: 12.5,
        quantityUnit: 'tonne',
        consignor: party('南京示范医药有限公司'),
        consignee: party('上海某某医院'),
        originCode: originOf(i),
        destinationCode: '310104',
        waypointCodes: ['320583'],
        validFrom: from,
        validTo: addDays(from, 4),
        attachmentIds,
      });
      await fleetManager.must('POST', `/applications/${draft.id}/submit`);
      applicationIds[i] = draft.id;
    });
    return applicationIds;
  };

  // The one official's row is measured in a warm process, as a server that has been issuing all day
  // is: the requests that prepared the applications did not run the approval path (numbering,
  // signing, the locks), so `warmup` approvals of `ids` (past the first `count`) come first, not
  // measured (settings.issuanceWarmup: enough for the JIT to settle); one of them that fails stops the
  // run, as no row would report it.
  const warmup = Math.max(concurrency, settings.issuanceWarmup);
  const oneOfficialWarm = async (client, pid, ids) => {
    const warming = await approvals({
      count: warmup,
      concurrency,
      serverPid: pid,
      decide: (i) => approveOne(client, ids[count + i]),
    });
    if (Object.keys(warming.failures).length > 0) {
      throw new Error(`warm-up approvals failed: ${JSON.stringify(warming.failures)}`);
    }
    return approvals({ count, concurrency, serverPid: pid, decide: (i) => approveOne(client, ids[i]) });
  };
  const single = await prepare(() => districts[0], count + warmup);
  progress(
    `issuance: ${warmup} approvals to warm up, then ${count}, ${concurrency} at a time, one district's official`,
  );
  const one = await oneOfficialWarm(official, serverPid, single);

  const officials = await districtOfficials(official.baseUrl, admin, official);
  progress(`issuance: preparing ${count} applications across ${districts.length} districts`);
  const spreadIds = await prepare((i) => districts[i % districts.length]);
  progress(`issuance: approving them, ${concurrency} at a time, each by its district's official`);
  const spread = await approvals({
    count,
    concurrency,
    serverPid,
    decide: (i) => approveOne(officials.get(districts[i % districts.length]), spreadIds[i]),
  });

  progress(`issuance: preparing ${count} applications for batch approval`);
  const batchIds = await prepare(() => districts[0]);
  const batchSize = 10;
  progress(`issuance: batch-approving them, ${batchSize} a request, ${concurrency} requests at a time`);
  const batch = await approvals({
    count: Math.ceil(count / batchSize),
    concurrency,
    serverPid,
    decide: async (b) => {
      const res = await official.post('/reviews/batch-approve', {
        applicationIds: batchIds.slice(b * batchSize, (b + 1) * batchSize),
      });
      if (res.status !== 200) return { passIds: [], failures: [`${res.status} ${res.body?.code ?? ''}`] };
      return {
        passIds: res.body.flatMap((r) => (r.ok && r.passId ? [r.passId] : [])),
        failures: res.body.flatMap((r) => (r.ok ? [] : [r.code])),
      };
    },
  });
  const issued = one.passIds;

  let perCore;
  if (startMultiProcessServer) {
    // Its processes start cold: the same warm-up as the one process had.
    const perCoreIds = await prepare(() => districts[0], count + warmup);
    const multi = await startMultiProcessServer();
    try {
      // The official's access token is valid in every process (one JWT_SECRET per run).
      const client = apiClient(multi.url, official.token);
      progress(`issuance: one process per core, ${warmup} approvals to warm up, then ${count} measured`);
      perCore = { processes: cpus().length, ...withoutIds(await oneOfficialWarm(client, multi.pid, perCoreIds)) };
    } finally {
      await multi.stop();
    }
  }

  // Each pass's QR twice: the first request draws it, the second must come from the server's cache.
  const qrRound = async (round) => {
    progress(`issuance: ${round} ${issued.length} QR PNGs`);
    return latency({
      baseUrl: official.baseUrl,
      concurrency,
      seconds: 120,
      count: issued.length,
      next: (i) => ({
        path: `/api/passes/${issued[i]}/qr.png`,
        headers: { authorization: `Bearer ${official.token}` },
      }),
    });
  };
  const qrCpuBefore = cpuSeconds(serverPid);
  const qr = await qrRound('rendering');
  const qrCpuMiddle = cpuSeconds(serverPid);
  const qrCached = await qrRound('asking again for');
  const qrCpuAfter = cpuSeconds(serverPid);
  const cpuMsPer = (before, after, requests) =>
    before === null || after === null || requests === 0 ? null : ((after - before) * 1000) / requests;
  const firstPass = await official.must('GET', `/passes/${issued[0]}`);
  return {
    result: {
      approved: one.approved,
      warmupApprovals: warmup,
      concurrency,
      approvalsPerSecond: one.perSecond,
      approvalP50Ms: one.p50Ms,
      approvalP99Ms: one.p99Ms,
      failures: one.failures,
      serverCpuMsPerPass: one.serverCpuMsPerPass,
      spread: { districts: districts.length, ...withoutIds(spread) },
      ...(perCore ? { perCore } : {}),
      batch: { batchSize, ...withoutIds(batch) },
      qrPngPerSecond: qr.perSecond,
      qrPngP50Ms: qr.p50Ms,
      qrPngP99Ms: qr.p99Ms,
      qrPngFailures: qr.failures,
      qrPngServerCpuMs: cpuMsPer(qrCpuBefore, qrCpuMiddle, qr.requests),
      qrPngCachedPerSecond: qrCached.perSecond,
      qrPngCachedP50Ms: qrCached.p50Ms,
      qrPngCachedP99Ms: qrCached.p99Ms,
      qrPngCachedFailures: qrCached.failures,
      qrPngCachedServerCpuMs: cpuMsPer(qrCpuMiddle, qrCpuAfter, qrCached.requests),
    },
    passIds: issued,
    samplePass: firstPass,
  };
}

const withoutIds = ({ passIds, ...figures }) => figures;
