import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type EntityManager } from 'typeorm';
import { ApplicationEntity } from '../src/applications/application.entity.js';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { CheckpointEntity } from '../src/checkpoints/checkpoint.entity.js';
import { hydrate, insertRows, selectList, updateRows } from '../src/database/plain-rows.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseKind } from './support/test-database.js';

/** The row as TypeORM reads it back, without its id (each insert gets its own). */
async function readBack<T extends { id: string }>(manager: EntityManager, target: new () => T, id: string) {
  const { id: _id, ...rest } = (await manager.findOneByOrFail(target, { id } as never)) as T;
  return rest;
}

describe(`plain rows: written, read and updated as TypeORM would, on ${testDatabaseKind}`, () => {
  let t: TestApp;
  let manager: EntityManager;

  beforeAll(async () => {
    t = await startTestApp({ NOTIFY_WORKER: 'false' });
    manager = t.app.get(DataSource).manager;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('JSON, nullable and timestamp columns, ids and timestamps from the listeners, several rows at once', async () => {
    const at = new Date('2026-12-03T01:02:03.456Z');
    const entry = () =>
      manager.create(AuditEntryEntity, {
        createdAt: at,
        actorId: null,
        actorRole: 'system',
        actorName: '王 "审核" \\ 员',
        action: 'pass.issue',
        entityType: 'pass',
        entityId: randomUUID(),
        before: null,
        after: { passNumber: '320115000001', nested: { list: [1, 'two', null] } },
      });
    const byTypeorm = entry();
    await manager.save(byTypeorm);
    const plain = [entry(), entry()];
    await insertRows(manager, AuditEntryEntity, plain);
    // The listeners ran on the rows given: ids set, updatedAt from createdAt.
    expect(plain.every((row) => /^[0-9a-f-]{36}$/.test(row.id) && row.updatedAt === at)).toBe(true);
    const expected = await readBack(manager, AuditEntryEntity, byTypeorm.id);
    for (const row of plain) {
      expect({ ...(await readBack(manager, AuditEntryEntity, row.id)), entityId: expected.entityId }).toEqual(expected);
    }
  });

  it('decimal columns as the driver stores them', async () => {
    const checkpoint = (code: string) =>
      manager.create(CheckpointEntity, {
        code,
        name: '宁杭高速收费站',
        regionCode: '320115',
        latitude: '31.953418',
        longitude: '118.839857',
        retiredAt: null,
      });
    const byTypeorm = checkpoint('CP-TYPEORM');
    await manager.save(byTypeorm);
    const plain = checkpoint('CP-PLAIN');
    await insertRows(manager, CheckpointEntity, [plain]);
    const expected = await readBack(manager, CheckpointEntity, byTypeorm.id);
    const { createdAt, updatedAt, ...written } = await readBack(manager, CheckpointEntity, plain.id);
    expect(createdAt).toBeInstanceOf(Date);
    expect(updatedAt).toEqual(createdAt);
    const { createdAt: _c, updatedAt: _u, ...same } = expected;
    expect({ ...written, code: same.code }).toEqual(same);
  });

  it('reads a row back as TypeORM hydrates it, and updates only the rows its condition matches', async () => {
    const entry = manager.create(AuditEntryEntity, {
      actorId: randomUUID(),
      actorRole: 'official',
      actorName: '审核员',
      action: 'application.approve',
      entityType: 'application',
      entityId: randomUUID(),
      before: { status: 'submitted' },
      after: null,
    });
    await insertRows(manager, AuditEntryEntity, [entry]);
    const read = async () => {
      const [row] = await manager.query(
        `SELECT ${selectList(manager, AuditEntryEntity, 'x')} FROM audit_log x WHERE x.id = ?`,
        [entry.id],
      );
      return hydrate(manager, AuditEntryEntity, row);
    };
    const hydrated = await read();
    expect(hydrated).toBeInstanceOf(AuditEntryEntity);
    expect(hydrated).toEqual(await manager.findOneByOrFail(AuditEntryEntity, { id: entry.id }));
    await manager.transaction(async (tx) => {
      expect(await updateRows(tx, AuditEntryEntity, { id: entry.id, action: 'other' }, { after: { x: 1 } })).toBe(0);
      expect(
        await updateRows(tx, AuditEntryEntity, { id: entry.id, action: 'application.approve' }, { after: { x: 1 } }),
      ).toBe(1);
    });
    expect((await read()).after).toEqual({ x: 1 });
  });

  it('refuses a table with a column TypeORM fills in itself (a version)', async () => {
    await expect(insertRows(manager, ApplicationEntity, [manager.create(ApplicationEntity, {})])).rejects.toThrow(
      /applications\.version is filled in by TypeORM/,
    );
  });
});
