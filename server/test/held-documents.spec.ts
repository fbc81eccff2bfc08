import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaToday, type ProvinceSettingsDocument } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from '../src/attachments/attachment.entity.js';
import { type ApiClient, firstSignIn } from './support/api.js';
import {
  completeApplication,
  domainRowCounts,
  type Fleet,
  newIdNumber,
  registerEnterprise,
  registerFleet,
  samplePdf,
  samplePng,
  seedAndLogin,
  submitApplication,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const today = chinaToday();
const inAYear = addDays(today, 365);

/**
 * Issue 17, documents held once: the 行驶证 on the vehicle and the 驾驶证 (and, where required, the
 * 押运员证) on the person, with their expiry, reused by every application and recorded as of submission.
 */
describe('documents held by vehicles and people', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let other: ApiClient;
  let plateSerial = 0;

  /** A vehicle, driver and escort with no documents yet. */
  const bareFleet = async (client: ApiClient = as.fleetManager) => {
    plateSerial++;
    const vehicle = await client.post('/vehicles', {
      plate: `苏A${String(20000 + plateSerial)}`,
      plateColour: 'yellow',
      vehicleType: 'semi_trailer_tractor',
      transportLicenseNumber: '320115001234',
    });
    const person = (role: string, serial: number) =>
      client.post('/drivers', { name: '吴师傅', idNumber: newIdNumber(serial), phone: '13912345670', role });
    const driver = await person('driver', 700 + plateSerial * 2);
    const escort = await person('escort', 701 + plateSerial * 2);
    const letter = await client.upload('/attachments?kind=commitment_letter', samplePdf, '承诺书.pdf');
    expect([vehicle.status, driver.status, escort.status, letter.status]).toEqual([201, 201, 201, 201]);
    return {
      vehicleId: vehicle.body.id as string,
      driverId: driver.body.id as string,
      escortId: escort.body.id as string,
      attachmentIds: [letter.body.id as string],
      heldDocumentIds: [],
    } satisfies Fleet;
  };

  const uploadHeld = async (query: string, client: ApiClient = as.fleetManager) =>
    client.upload(`/attachments?${query}`, samplePng, '证件.png');

  /** The vehicle's 行驶证 and the driver's 驾驶证, each valid until `expiresOn`. */
  const licences = async (fleet: Fleet, vehicleUntil = inAYear, driverUntil = inAYear) => {
    const vehicle = await uploadHeld(`kind=vehicle_licence&vehicleId=${fleet.vehicleId}&expiresOn=${vehicleUntil}`);
    const driver = await uploadHeld(`kind=driving_licence&driverId=${fleet.driverId}&expiresOn=${driverUntil}`);
    expect([vehicle.status, driver.status]).toEqual([201, 201]);
    return { vehicleLicence: vehicle.body.id as string, drivingLicence: driver.body.id as string };
  };

  const submit = async (fleet: Fleet, change: Record<string, unknown> = {}) => {
    const draft = await as.fleetManager.post('/applications', { ...completeApplication(fleet), ...change });
    expect(draft.status).toBe(201);
    return { id: draft.body.id as string, res: await as.fleetManager.post(`/applications/${draft.body.id}/submit`) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    other = (await registerEnterprise(t)).client;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('upload', () => {
    it('keeps a 行驶证 on its vehicle and a 驾驶证 on its driver, with expiry, listed as the current ones', async () => {
      const fleet = await bareFleet();
      const res = await uploadHeld(`kind=vehicle_licence&vehicleId=${fleet.vehicleId}&expiresOn=${inAYear}`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'vehicle_licence',
        vehicleId: fleet.vehicleId,
        driverId: null,
        expiresOn: inAYear,
      });
      const driving = await uploadHeld(`kind=driving_licence&driverId=${fleet.driverId}&expiresOn=${inAYear}`);
      expect(driving.body).toMatchObject({ kind: 'driving_licence', vehicleId: null, driverId: fleet.driverId });

      // A replacement becomes the current one; the first stays (applications may cite it).
      const renewed = await uploadHeld(
        `kind=vehicle_licence&vehicleId=${fleet.vehicleId}&expiresOn=${addDays(inAYear, 30)}`,
      );
      const held = (await as.fleetManager.get('/attachments/held')).body as { id: string; vehicleId: string | null }[];
      const ofVehicle = held.filter((d) => d.vehicleId === fleet.vehicleId);
      expect(ofVehicle.map((d) => d.id)).toEqual([renewed.body.id]);
      expect(held.map((d) => d.id)).toContain(driving.body.id);
      expect((await as.fleetManager.get(`/attachments/${res.body.id}/content`)).status).toBe(200);
    });

    it.each([
      ['a 行驶证 naming no vehicle', () => `kind=vehicle_licence&expiresOn=${inAYear}`, 'vehicleId'],
      [
        'a 行驶证 on a driver',
        (f: Fleet) => `kind=vehicle_licence&driverId=${f.driverId}&expiresOn=${inAYear}`,
        'vehicleId',
      ],
      ['a 驾驶证 without its expiry', (f: Fleet) => `kind=driving_licence&driverId=${f.driverId}`, 'expiresOn'],
      [
        'an expiry that is no date',
        (f: Fleet) => `kind=driving_licence&driverId=${f.driverId}&expiresOn=2026-02-30`,
        'expiresOn',
      ],
      ['a 承诺书 on a vehicle', (f: Fleet) => `kind=commitment_letter&vehicleId=${f.vehicleId}`, 'vehicleId'],
      ['a vehicle id that is no id', () => `kind=vehicle_licence&vehicleId=x&expiresOn=${inAYear}`, 'vehicleId'],
    ])('refuses %s with a field message, keeping nothing', async (_case, query, path) => {
      const fleet = await bareFleet();
      const before = await domainRowCounts(t);
      const res = await uploadHeld(query(fleet));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await domainRowCounts(t)).toEqual(before);
    });

    it('refuses a document already expired', async () => {
      const fleet = await bareFleet();
      const before = await domainRowCounts(t);
      const res = await uploadHeld(`kind=driving_licence&driverId=${fleet.driverId}&expiresOn=${addDays(today, -1)}`);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'DOCUMENT_EXPIRED', message: '该驾驶证已过期，请上传有效期内的证件' });
      expect(await domainRowCounts(t)).toEqual(before);
    });
  });

  describe('submission', () => {
    it('reuses the same documents for two applications, each recording them for officials', async () => {
      const fleet = await bareFleet();
      const docs = await licences(fleet);
      const first = await submit(fleet);
      // The second starts after the first ends: the vehicle may hold one active pass at a time.
      const second = await submit(fleet, {
        validFrom: addDays(today, 10),
        validTo: addDays(today, 19),
      });
      expect([first.res.status, second.res.status]).toEqual([200, 200]);
      for (const { id } of [first, second]) {
        const detail = await as.districtOfficial.get(`/reviews/${id}`);
        expect(detail.status).toBe(200);
        expect(detail.body.heldDocuments).toEqual([
          expect.objectContaining({ id: docs.vehicleLicence, kind: 'vehicle_licence', expiresOn: inAYear }),
          expect.objectContaining({ id: docs.drivingLicence, kind: 'driving_licence', driverId: fleet.driverId }),
        ]);
        expect(detail.body.attachments.map((a: { kind: string }) => a.kind)).toEqual(['commitment_letter']);
        const content = await as.districtOfficial.get(`/reviews/${id}/attachments/${docs.vehicleLicence}/content`);
        expect(content.status).toBe(200);
      }
    });

    it.each([
      [
        'a vehicle licence expiring before the pass ends',
        () => addDays(today, 5),
        /车辆苏A·\d+的行驶证有效期至.*早于通行证有效期截止日期/,
      ],
      ['a vehicle licence expiring on the last day of the pass', () => addDays(today, 9), null],
    ])('checks %s', async (_case, until, refusal) => {
      const fleet = await bareFleet();
      await licences(fleet, until());
      const { id, res } = await submit(fleet);
      if (!refusal) {
        expect(res.status).toBe(200);
        return;
      }
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('DOCUMENT_EXPIRED');
      expect(res.body.message).toMatch(refusal);
      expect(res.body.details).toEqual([{ path: 'vehicleId', message: res.body.message }]);
      expect((await as.fleetManager.get(`/applications/${id}`)).body.status).toBe('draft');
    });

    it('refuses a document that has expired since it was uploaded', async () => {
      const fleet = await bareFleet();
      const docs = await licences(fleet);
      await t.app
        .get(DataSource)
        .getRepository(AttachmentEntity)
        .update({ id: docs.drivingLicence }, { expiresOn: addDays(today, -1) });
      const { id, res } = await submit(fleet);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('DOCUMENT_EXPIRED');
      expect(res.body.message).toBe(`驾驶员吴师傅的驾驶证已于${addDays(today, -1)}过期，请在司乘人员管理中更新`);
      expect(res.body.details[0].path).toBe('crewDriverIds');
      expect((await as.fleetManager.get(`/applications/${id}`)).body.status).toBe('draft');
    });

    it('refuses a vehicle without its 行驶证, naming it', async () => {
      const fleet = await bareFleet();
      await uploadHeld(`kind=driving_licence&driverId=${fleet.driverId}&expiresOn=${inAYear}`);
      const { res } = await submit(fleet);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ATTACHMENT_MISSING');
      expect(res.body.message).toMatch(/^车辆苏A·\d+未上传行驶证，请在车辆管理中上传$/);
    });

    it('records the documents as of submission: a replacement later does not change what officials see', async () => {
      const fleet = await bareFleet();
      const docs = await licences(fleet);
      const { id, res } = await submit(fleet);
      expect(res.status).toBe(200);
      const renewed = await uploadHeld(
        `kind=vehicle_licence&vehicleId=${fleet.vehicleId}&expiresOn=${addDays(inAYear, 1)}`,
      );
      expect(renewed.status).toBe(201);

      const detail = (await as.districtOfficial.get(`/reviews/${id}`)).body;
      expect(detail.heldDocuments.map((d: { id: string }) => d.id)).toEqual([docs.vehicleLicence, docs.drivingLicence]);
      // The new one is not the application's: an official reads only what it was submitted with.
      const notCited = await as.districtOfficial.get(`/reviews/${id}/attachments/${renewed.body.id}/content`);
      expect(notCited.status).toBe(404);

      // A return and resubmission records the documents current then.
      const returned = await as.districtOfficial.post(`/reviews/${id}/decision`, {
        decision: 'return',
        reason: '请核对行驶证',
        fieldsToFix: ['vehicleId'],
      });
      expect(returned.status).toBe(200);
      expect((await as.fleetManager.post(`/applications/${id}/resubmit`)).status).toBe(200);
      const again = (await as.districtOfficial.get(`/reviews/${id}`)).body;
      expect(again.heldDocuments.map((d: { id: string }) => d.id)).toEqual([renewed.body.id, docs.drivingLicence]);
    });

    it('asks escorts for their 押运员证 only where the province requires it', async () => {
      const fleet = await bareFleet();
      await licences(fleet);
      const current = (await as.admin.get<ProvinceSettingsDocument>('/settings')).body;
      const required = [...current.settings.requiredAttachments, 'escort_certificate'];
      const saved = await as.admin.put('/admin/settings', {
        version: current.version,
        settings: { ...current.settings, requiredAttachments: required },
      });
      expect(saved.status).toBe(200);
      try {
        const refused = await submit(fleet);
        expect(refused.res.status).toBe(422);
        expect(refused.res.body.message).toBe('押运员吴师傅未上传押运员证，请在司乘人员管理中上传');
        const escortDoc = await uploadHeld(`kind=escort_certificate&driverId=${fleet.escortId}&expiresOn=${inAYear}`);
        expect(escortDoc.status).toBe(201);
        const accepted = await as.fleetManager.post(`/applications/${refused.id}/submit`);
        expect(accepted.status).toBe(200);
        const detail = (await as.districtOfficial.get(`/reviews/${refused.id}`)).body;
        expect(detail.heldDocuments.map((d: { id: string }) => d.id)).toContain(escortDoc.body.id);
      } finally {
        const latest = (await as.admin.get<ProvinceSettingsDocument>('/settings')).body;
        await as.admin.put('/admin/settings', { version: latest.version, settings: current.settings });
      }
    });

    it('still takes an application carrying licences uploaded with it before they were held', async () => {
      const fleet = await bareFleet();
      // Uploads of the old kind: on no vehicle or person and without expiry, as earlier data holds them.
      const repo = t.app.get(DataSource).getRepository(AttachmentEntity);
      const enterpriseId = (await as.fleetManager.get('/enterprises/mine')).body.id;
      const legacy = await Promise.all(
        (['vehicle_licence', 'driving_licence'] as const).map((kind) =>
          repo.save(
            repo.create({
              id: randomUUID(),
              enterpriseId,
              kind,
              mimeType: 'image/png',
              sizeBytes: samplePng.length,
              sha256: '0'.repeat(64),
              storageKey: `legacy/${kind}`,
              originalName: `${kind}.png`,
              vehicleId: null,
              driverId: null,
              expiresOn: null,
            }),
          ),
        ),
      );
      const { id, res } = await submit(fleet, { attachmentIds: [...fleet.attachmentIds, ...legacy.map((a) => a.id)] });
      expect(res.status).toBe(200);
      const detail = (await as.districtOfficial.get(`/reviews/${id}`)).body;
      expect(detail.heldDocuments).toEqual([]);
      expect(detail.attachments.map((a: { kind: string }) => a.kind).sort()).toEqual([
        'commitment_letter',
        'driving_licence',
        'vehicle_licence',
      ]);
    });
  });

  describe('scope', () => {
    let fleet: Fleet;
    let docs: { vehicleLicence: string; drivingLicence: string };

    beforeAll(async () => {
      fleet = await bareFleet();
      docs = await licences(fleet);
    });

    it("cannot put a document on another enterprise's vehicle or person", async () => {
      const before = await domainRowCounts(t);
      for (const query of [
        `kind=vehicle_licence&vehicleId=${fleet.vehicleId}&expiresOn=${inAYear}`,
        `kind=driving_licence&driverId=${fleet.driverId}&expiresOn=${inAYear}`,
      ]) {
        const res = await uploadHeld(query, other);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect(await domainRowCounts(t)).toEqual(before);
    });

    it("neither lists nor serves another enterprise's documents", async () => {
      const theirs = (await other.get('/attachments/held')).body as { id: string }[];
      expect(theirs.map((d) => d.id)).not.toContain(docs.vehicleLicence);
      expect((await other.get(`/attachments/${docs.vehicleLicence}/content`)).status).toBe(404);
      const cited = await other.post('/applications', { attachmentIds: [docs.drivingLicence] });
      expect(cited.status).toBe(404);
    });

    it('is a fleet manager’s list: officials and checkpoint staff are refused', async () => {
      for (const client of [as.districtOfficial, as.checkpointStaff]) {
        expect((await client.get('/attachments/held')).status).toBe(403);
      }
      expect((await as.districtOfficial.upload('/attachments?kind=other', samplePng, 'x.png')).status).toBe(403);
    });

    it('shows an official only the documents of applications in their jurisdiction', async () => {
      const mine = await registerFleet(as.fleetManager, '苏A29999', 790);
      const id = await submitApplication(as.fleetManager, completeApplication(mine));
      const path = `/reviews/${id}/attachments/${mine.heldDocumentIds[0]}/content`;
      expect((await as.districtOfficial.get(path)).status).toBe(200);
      await as.admin.post('/admin/accounts', {
        role: 'official',
        name: '鼓楼审核',
        phone: '13700000021',
        password: 'Review2022',
        jurisdictionCode: '320106',
        department: '鼓楼区工业和信息化局',
        reviewLevel: 'district',
      });
      const gulou = await firstSignIn(t.url, '13700000021', 'Review2022');
      expect((await gulou.get(path)).status).toBe(404);
      expect((await gulou.get(`/reviews/${id}`)).status).toBe(404);
    });
  });
});
