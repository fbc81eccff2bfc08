import {
  addDays,
  chinaToday,
  creditCodeCheckCharacter,
  idNumberCheckCharacter,
  organizationCodeCheckCharacter,
} from '@pass/shared';
import { DataSource } from 'typeorm';
import { EnterpriseEntity } from '../../src/enterprises/enterprise.entity.js';
import { seedDemo } from '../../src/seed/demo-seed.js';
import { type ApiClient, apiClient, loginAs } from './api.js';
import type { TestApp } from './test-app.js';

/** Demo accounts (see src/seed/demo-seed.ts), signed in. */
export const demoPhones = {
  admin: '13800000000',
  fleetManager: '13800000001',
  districtOfficial: '13800000002',
  cityOfficial: '13800000003',
  checkpointStaff: '13800000004',
} as const;

export async function seedAndLogin(t: TestApp): Promise<Record<keyof typeof demoPhones, ApiClient>> {
  await seedDemo(t.app.get(DataSource));
  const entries = await Promise.all(
    Object.entries(demoPhones).map(async ([role, phone]) => [role, await loginAs(t.url, phone)] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof demoPhones, ApiClient>;
}

let sequence = 0;

/** A valid 统一社会信用代码 that differs each call. */
export function newCreditCode(districtCode = '320115'): string {
  sequence++;
  const body = `MA${String(sequence).padStart(6, '0')}`;
  const first17 = `91${districtCode}${body}${organizationCodeCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** A valid 公民身份号码 born in Nanjing on a given day. */
export function newIdNumber(serial: number, birth = '19800101'): string {
  const first17 = `320102${birth}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

export function newPhone(): string {
  sequence++;
  return `139${String(10_000_000 + sequence).slice(-8)}`;
}

/** Registers another enterprise with its fleet manager; verified unless asked otherwise. */
export async function registerEnterprise(
  t: TestApp,
  options: { districtCode?: string; verified?: boolean } = {},
): Promise<{ client: ApiClient; enterpriseId: string; creditCode: string; phone: string }> {
  const districtCode = options.districtCode ?? '320115';
  const creditCode = newCreditCode(districtCode);
  const phone = newPhone();
  const res = await apiClient(t.url).post('/enterprises/register', {
    enterprise: {
      creditCode,
      name: `测试运输有限公司${sequence}`,
      address: '江苏省南京市测试路88号',
      contactName: '张三',
      contactPhone: phone,
      districtCode,
    },
    manager: { name: '张三', phone, password: 'Passw0rd' },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const enterpriseId: string = res.body.account.enterpriseId;
  if (options.verified !== false) {
    await t.app
      .get(DataSource)
      .getRepository(EnterpriseEntity)
      .update({ id: enterpriseId }, { verifiedAt: new Date() });
  }
  return { client: apiClient(t.url, res.body.accessToken), enterpriseId, creditCode, phone };
}

/** Row counts of the tables a malformed request must never touch. */
export async function domainRowCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'accounts',
    'enterprises',
    'vehicles',
    'drivers',
    'attachments',
    'applications',
    'application_events',
    'whitelist_entries',
  ];
  const dataSource = t.app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Tiny but real files: a 1×1 PNG and a one-page PDF header. */
export const samplePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface Fleet {
  vehicleId: string;
  driverId: string;
  escortId: string;
  /** The vehicle's 行驶证 and the driver's 驾驶证. */
  heldDocumentIds: string[];
  /** What each application carries: the 承诺书. */
  attachmentIds: string[];
}

/** A vehicle, a driver, an escort and the documents Jiangsu requires, registered by `client`. */
export async function registerFleet(client: ApiClient, plate: string, serial: number): Promise<Fleet> {
  const vehicle = await client.post('/vehicles', {
    plate,
    plateColour: 'yellow',
    vehicleType: 'semi_trailer_tractor',
    transportLicenseNumber: '320115001234',
  });
  const driver = await client.post('/drivers', {
    name: '周师傅',
    idNumber: newIdNumber(serial),
    phone: '13912345678',
    role: 'driver',
  });
  const escort = await client.post('/drivers', {
    name: '郑押运',
    idNumber: newIdNumber(serial + 1),
    phone: '13912345679',
    role: 'escort',
  });
  if (vehicle.status !== 201 || driver.status !== 201 || escort.status !== 201) {
    throw new Error(`fleet registration failed: ${JSON.stringify([vehicle.body, driver.body, escort.body])}`);
  }
  // The licences are held by the vehicle and the driver, valid for a year; the letter comes with each application.
  const expiresOn = addDays(chinaToday(), 365);
  const uploads = [
    `kind=vehicle_licence&vehicleId=${vehicle.body.id}&expiresOn=${expiresOn}`,
    `kind=driving_licence&driverId=${driver.body.id}&expiresOn=${expiresOn}`,
    'kind=commitment_letter',
  ];
  const ids: string[] = [];
  for (const query of uploads) {
    const res = await client.upload(
      `/attachments?${query}`,
      query.includes('letter') ? samplePdf : samplePng,
      'scan.png',
    );
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id);
  }
  return {
    vehicleId: vehicle.body.id,
    driverId: driver.body.id,
    escortId: escort.body.id,
    heldDocumentIds: ids.slice(0, 2),
    attachmentIds: ids.slice(2),
  };
}

/** A 驾驶证 valid for a year, held by a driver registered outside `registerFleet`. */
export async function holdDrivingLicence(client: ApiClient, driverId: string): Promise<void> {
  const expiresOn = addDays(chinaToday(), 365);
  const res = await client.upload(
    `/attachments?kind=driving_licence&driverId=${driverId}&expiresOn=${expiresOn}`,
    samplePng,
    'scan.png',
  );
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
}

const party = (name: string) => ({
  name,
  address: '江苏省南京市江宁区某某路1号',
  contactName: '王经理',
  contactPhone: '13800138000',
});

/** Every field an application needs, valid under Jiangsu's rules, starting `startInDays` from today. */
export function completeApplication(fleet: Fleet, startInDays = 0, days = 10): Record<string, unknown> {
  const from = addDays(chinaToday(), startInDays);
  return {
    vehicleId: fleet.vehicleId,
    crewDriverIds: [fleet.driverId, fleet.escortId],
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
    validTo: addDays(from, days - 1),
    attachmentIds: fleet.attachmentIds,
  };
}

/** Creates and submits an application; returns its id. */
export async function submitApplication(client: ApiClient, body: Record<string, unknown>): Promise<string> {
  const draft = await client.post('/applications', body);
  const submitted = await client.post(`/applications/${draft.body.id}/submit`);
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return draft.body.id;
}
