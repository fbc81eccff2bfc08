import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { ApiClient } from './support/api.js';
import { domainRowCounts, newIdNumber, registerEnterprise, seedAndLogin } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const truck = {
  plate: '苏A·12345',
  plateColour: 'yellow',
  vehicleType: 'semi_trailer_tractor',
  transportLicenseNumber: '320115001234',
  vin: 'LVSHCAMB1CE054249',
};

describe('vehicles and drivers, registered once per enterprise', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let other: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    other = (await registerEnterprise(t)).client;
  });

  afterAll(async () => {
    await t.close();
  });

  describe('vehicles', () => {
    let vehicleId: string;

    it('registers a vehicle with its plate normalised', async () => {
      const res = await as.fleetManager.post('/vehicles', truck);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ plate: '苏A12345', plateColour: 'yellow', vin: 'LVSHCAMB1CE054249' });
      vehicleId = res.body.id;
      expect((await as.fleetManager.get('/vehicles')).body.map((v: { id: string }) => v.id)).toEqual([vehicleId]);
    });

    it('refuses the same plate twice in one enterprise (even typed differently), but not in another', async () => {
      const again = await as.fleetManager.post('/vehicles', { ...truck, plate: ' 苏ａ12345 ' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DUPLICATE_VEHICLE');
      expect((await other.post('/vehicles', truck)).status).toBe(201);
    });

    it.each([
      ['an I in the plate', { plate: '苏AI2345' }, 'plate'],
      ['a VIN with a wrong check digit', { vin: 'LVSHCAMB2CE054249' }, 'vin'],
      ['a missing vehicle type', { vehicleType: undefined }, 'vehicleType'],
      ['a new-energy plate with a yellow colour', { plate: '苏AD12345', plateColour: 'yellow' }, 'plateColour'],
    ])('refuses %s, writing nothing', async (_case, change, path) => {
      const before = await domainRowCounts(t);
      const res = await as.fleetManager.post('/vehicles', { ...truck, plate: '苏B54321', ...change });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await domainRowCounts(t)).toEqual(before);
    });

    it("hides one enterprise's vehicle from another: read, change and delete all answer 404", async () => {
      expect((await other.get(`/vehicles/${vehicleId}`)).status).toBe(404);
      expect((await other.put(`/vehicles/${vehicleId}`, { ...truck, plate: '苏A99999' })).status).toBe(404);
      expect((await other.delete(`/vehicles/${vehicleId}`)).status).toBe(404);
      expect((await as.fleetManager.get(`/vehicles/${vehicleId}`)).body.plate).toBe('苏A12345');
    });

    it('is for fleet managers only', async () => {
      expect((await as.districtOfficial.get('/vehicles')).status).toBe(403);
      expect((await as.checkpointStaff.post('/vehicles', truck)).status).toBe(403);
    });

    it('changes and deletes its own vehicle', async () => {
      const changed = await as.fleetManager.put(`/vehicles/${vehicleId}`, {
        ...truck,
        transportLicenseNumber: '320115009999',
      });
      expect(changed.body.transportLicenseNumber).toBe('320115009999');
      const extra = await as.fleetManager.post('/vehicles', { ...truck, plate: '苏A67890' });
      expect((await as.fleetManager.delete(`/vehicles/${extra.body.id}`)).status).toBe(204);
      expect((await as.fleetManager.get(`/vehicles/${extra.body.id}`)).status).toBe(404);
    });

    it('answers a malformed id like a missing record', async () => {
      expect((await as.fleetManager.get('/vehicles/not-a-uuid')).status).toBe(404);
    });
  });

  describe('drivers', () => {
    const idNumber = newIdNumber(101);
    let driverId: string;

    it('registers a driver and lists the ID number masked, storing it encrypted', async () => {
      const res = await as.fleetManager.post('/drivers', {
        name: '周师傅',
        idNumber,
        phone: '13912345678',
        role: 'driver',
      });
      expect(res.status).toBe(201);
      driverId = res.body.id;
      expect(res.body.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
      const list = await as.fleetManager.get('/drivers');
      expect(JSON.stringify(list.body)).not.toContain(idNumber);

      const [row] = await t.app.get(DataSource).query('SELECT * FROM drivers WHERE id = ?', [driverId]);
      expect(JSON.stringify(row)).not.toContain(idNumber);
      expect(JSON.stringify(row)).not.toContain(idNumber.slice(6, 14));
    });

    it('shows the full number to its own fleet manager only', async () => {
      expect((await as.fleetManager.get(`/drivers/${driverId}/id-number`)).body).toEqual({ idNumber });
      expect((await other.get(`/drivers/${driverId}/id-number`)).status).toBe(404);
      expect((await as.districtOfficial.get(`/drivers/${driverId}/id-number`)).status).toBe(403);
    });

    it('refuses the same person twice in one enterprise (lower-case x too)', async () => {
      const res = await as.fleetManager.post('/drivers', {
        name: '周师傅',
        idNumber: idNumber.toLowerCase(),
        phone: '13912345678',
        role: 'escort',
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('DUPLICATE_DRIVER');
    });

    it.each([
      [
        'a wrong check character',
        { idNumber: `${idNumber.slice(0, 17)}${idNumber[17] === '1' ? '2' : '1'}` },
        'idNumber',
      ],
      ['an impossible birth date', { idNumber: newIdNumber(5, '19990230') }, 'idNumber'],
      ['a bad phone', { phone: '12345678901' }, 'phone'],
      ['an unknown role', { role: 'captain' }, 'role'],
    ])('refuses %s, writing nothing', async (_case, change, path) => {
      const before = await domainRowCounts(t);
      const res = await as.fleetManager.post('/drivers', {
        name: '吴师傅',
        idNumber: newIdNumber(202),
        phone: '13912345679',
        role: 'driver',
        ...change,
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await domainRowCounts(t)).toEqual(before);
    });

    it("hides one enterprise's driver from another", async () => {
      expect((await other.get(`/drivers/${driverId}`)).status).toBe(404);
      expect(
        (await other.put(`/drivers/${driverId}`, { name: '冒名', idNumber, phone: '13912345678', role: 'driver' }))
          .status,
      ).toBe(404);
      expect((await other.delete(`/drivers/${driverId}`)).status).toBe(404);
      expect((await other.get('/drivers')).body).toEqual([]);
    });
  });
});
