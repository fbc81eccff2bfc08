// Issuance through the API on MariaDB: applications approved at a single-level chain, each approval
// numbering, signing and storing its pass in one transaction; then the QR PNG of each pass, drawn and
// then again from the cache.
import { addDays, chinaToday, idNumberCheckCharacter } from '../../../shared/dist/index.js';
import { cpuSeconds, progress, settings } from '../lib/common.mjs';
import { latency } from '../lib/load.mjs';

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

/**
 * Prepares `settings.issuance` submitted applications of the demo enterprise (one vehicle each, the
 * same crew and documents), approves them `concurrency` at a time, and renders every pass's QR PNG.
 * Returns the rates and the issued passes (id, number, URL) for the later sections.
 */
export async function issuance({ fleetManager, official, serverPid, concurrency = 8 }) {
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
  const applicationIds = new Array(count);
  await pool(count, 8, async (i) => {
    const vehicle = await fleetManager.must('POST', '/vehicles', {
      plate: `苏A${String(50_000 + i).padStart(5, '0')}`,
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
      originCode: '320115',
      destinationCode: '310104',
      waypointCodes: ['320583'],
      validFrom: from,
      validTo: addDays(from, 4),
      attachmentIds,
    });
    await fleetManager.must('POST', `/applications/${draft.id}/submit`);
    applicationIds[i] = draft.id;
  });

  progress(`issuance: approving ${count} applications, ${concurrency} at a time`);
  const passIds = new Array(count);
  const times = [];
  const failures = {};
  const started = performance.now();
  const cpuBefore = cpuSeconds(serverPid);
  await pool(count, concurrency, async (i) => {
    const t0 = performance.now();
    const res = await official.post(`/reviews/${applicationIds[i]}/decision`, { decision: 'approve' });
    if (res.status === 200 && res.body.passId) {
      times.push(performance.now() - t0);
      passIds[i] = res.body.passId;
    } else {
      const key = `${res.status} ${res.body?.code ?? ''}`;
      failures[key] = (failures[key] ?? 0) + 1;
    }
  });
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(serverPid);
  times.sort((a, b) => a - b);
  const issued = passIds.filter(Boolean);
  // The server's CPU per pass bounds one process's rate (1000 / ms per pass) however idle the machine.
  const serverCpuMsPerPass =
    cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / issued.length;

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
      approved: issued.length,
      concurrency,
      approvalsPerSecond: issued.length / elapsed,
      approvalP50Ms: times[Math.floor(times.length / 2)] ?? null,
      approvalP99Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] ?? null,
      failures,
      serverCpuMsPerPass,
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
