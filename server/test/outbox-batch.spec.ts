import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationEvent } from '@pass/shared';
import { DataSource, In } from 'typeorm';
import { insertRows } from '../src/database/plain-rows.js';
import { NotificationEntity } from '../src/notifications/notification.entity.js';
import { OutboxWorker } from '../src/notifications/outbox.worker.js';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity.js';
import { recordStatements } from './support/sent-statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseKind } from './support/test-database.js';

// One app for both parts (no worker of its own running: the tests drive deliverBatch themselves).
let t: TestApp;
let dataSource: DataSource;
let worker: OutboxWorker;

beforeAll(async () => {
  t = await startTestApp({ NOTIFY_WORKER: 'false' });
  dataSource = t.app.get(DataSource);
  worker = t.app.get(OutboxWorker);
});

afterAll(async () => {
  await t?.close();
});

/**
 * The worker delivers a claim's in-app messages together, in one transaction (docs/scaling.md §4.3);
 * when that fails, each is tried alone, so one message that cannot be written fails only itself.
 */
describe(`in-app messages delivered a batch at a time, on ${testDatabaseKind}`, () => {
  const pending = (title: string, createdAt: Date) =>
    Object.assign(new OutboxMessageEntity(), {
      id: randomUUID(),
      accountId: randomUUID(),
      channel: 'in_app' as const,
      address: null,
      event: NotificationEvent.PassIssued,
      title,
      body: `${title} 的通行证已签发。`,
      link: null,
      onceKey: null,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: new Date(Date.now() - 1_000),
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
      deliveredAt: null,
      createdAt,
    });

  it('writes every message of the batch, each once, in the order of events', async () => {
    const rows = ['苏A00001', '苏A00002', '苏A00003'].map((plate, i) =>
      pending(plate, new Date(Date.UTC(2026, 11, 3, 0, 0, i))),
    );
    await insertRows(dataSource.manager, OutboxMessageEntity, rows);
    expect(await worker.deliverBatch()).toBe(3);
    const written = await dataSource.getRepository(NotificationEntity).findBy({ id: In(rows.map((r) => r.id)) });
    expect(written.map((n) => [n.id, n.title, n.createdAt.getTime()]).sort()).toEqual(
      rows.map((r) => [r.id, r.title, r.createdAt.getTime()]).sort(),
    );
    const outbox = await dataSource.getRepository(OutboxMessageEntity).findBy({ id: In(rows.map((r) => r.id)) });
    expect(outbox.map((r) => [r.status, r.leaseOwner, r.attempts])).toEqual(rows.map(() => ['delivered', null, 0]));
  });

  it('claims in one transaction of two round trips on MariaDB, and writes the batch in another of two', async () => {
    const rows = ['苏D00001', '苏D00002'].map((plate, i) => pending(plate, new Date(Date.UTC(2026, 11, 3, 2, 0, i))));
    await insertRows(dataSource.manager, OutboxMessageEntity, rows);
    const sent = recordStatements(dataSource);
    try {
      expect(await worker.deliverBatch()).toBe(2);
    } finally {
      sent.stop();
    }
    const transactions = sent.transactions();
    const statementsOf = (packet: string) => packet.split(';\n').map((sql) => /^\S+( \S+)?/.exec(sql)![0]);
    if (testDatabaseKind === 'mariadb') {
      // batchedTransaction: the START with the first statement, the COMMIT with the last (the claim's)
      // or alone (the write's, sent once the count is checked). Each round trip costs the server about
      // 0.1 ms of CPU, and while passes are issued this runs hundreds of times a second (§4.3).
      const [claim, write] = transactions;
      expect(claim!.map(statementsOf)).toEqual([
        ['START TRANSACTION', 'SELECT `o`.`id`,'],
        ['UPDATE `notification_outbox`', 'COMMIT'],
      ]);
      expect(claim![0]).toMatch(/FOR UPDATE SKIP LOCKED$/);
      expect(write!.map(statementsOf)).toEqual([
        ['START TRANSACTION', 'UPDATE `notification_outbox`', 'INSERT INTO'],
        ['COMMIT'],
      ]);
    } else {
      // The claim is one UPDATE outside a transaction (SQLite writes one at a time); the write, one by one.
      expect(transactions.map((t) => t.map(statementsOf))).toEqual([
        [['BEGIN IMMEDIATE'], ['UPDATE "notification_outbox"'], ['INSERT INTO'], ['COMMIT']],
      ]);
    }
    const outbox = await dataSource.getRepository(OutboxMessageEntity).findBy({ id: In(rows.map((r) => r.id)) });
    expect(outbox.map((r) => r.status)).toEqual(['delivered', 'delivered']);
  });

  it('one message that cannot be written fails alone; the rest of its batch is delivered', async () => {
    const rows = ['苏B00001', '苏B00002', '苏B00003', '苏B00004'].map((plate, i) =>
      pending(plate, new Date(Date.UTC(2026, 11, 3, 1, 0, i))),
    );
    const bad = rows[1]!;
    // A message-centre row already holding the bad message's id: its INSERT fails on the key.
    await insertRows(dataSource.manager, NotificationEntity, [
      Object.assign(new NotificationEntity(), { ...bad, title: '先到的', readAt: null }),
    ]);
    await insertRows(dataSource.manager, OutboxMessageEntity, rows);
    expect(await worker.deliverBatch()).toBe(4);
    const outbox = await dataSource.getRepository(OutboxMessageEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(outbox.map((r) => [r.id, r]));
    for (const row of rows) {
      const after = byId.get(row.id)!;
      if (row === bad) {
        expect([after.status, after.attempts, after.leaseOwner]).toEqual(['pending', 1, null]);
        expect(after.lastError).toBeTruthy();
      } else {
        expect([after.status, after.attempts]).toEqual(['delivered', 0]);
      }
    }
    const written = await dataSource.getRepository(NotificationEntity).findBy({ id: In(rows.map((r) => r.id)) });
    expect(written.map((n) => n.title).sort()).toEqual(['先到的', '苏B00001', '苏B00003', '苏B00004'].sort());
  });
});

/**
 * Several claims of one process at once (one worker's tick and a second worker, say): on SQLite they
 * share the one connection, each statement and transaction taking its turn (serialiseSqlite); on
 * MariaDB each has a connection of its own. Two processes at once: outbox-processes.spec.ts.
 */
describe(`four claims at once in one process, on ${testDatabaseKind}`, () => {
  it('claims each due row once, writes each message once, and fails only the unwritable ones', async () => {
    const now = Date.now();
    const rows = Array.from({ length: 450 }, (_, i) =>
      Object.assign(new OutboxMessageEntity(), {
        id: randomUUID(),
        accountId: randomUUID(),
        channel: 'in_app' as const,
        address: null,
        event: NotificationEvent.PassIssued,
        title: `苏C${String(i).padStart(5, '0')}`,
        body: '通行证已签发。',
        link: null,
        onceKey: null,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: new Date(now - 1_000),
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
        deliveredAt: null,
        createdAt: new Date(now - 60_000 + i),
      }),
    );
    const unwritable = rows.filter((_, i) => i % 37 === 5);
    await insertRows(
      dataSource.manager,
      NotificationEntity,
      unwritable.map((r) => Object.assign(new NotificationEntity(), { ...r, title: '先到的', readAt: null })),
    );
    await insertRows(dataSource.manager, OutboxMessageEntity, rows);
    // Each loop claims until it finds nothing; a failed row waits NOTIFY_RETRY_BASE_MS (10 s) before its next try.
    const loop = async () => {
      let claimed = 0;
      for (let n = await worker.deliverBatch(); n > 0; n = await worker.deliverBatch()) claimed += n;
      return claimed;
    };
    const claimed = await Promise.all([loop(), loop(), loop(), loop()]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(rows.length);
    const outbox = await dataSource.getRepository(OutboxMessageEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const ends = outbox.map((r) => [
      unwritable.includes(rows.find((x) => x.id === r.id)!),
      r.status,
      r.attempts,
      r.leaseOwner,
    ]);
    expect(
      ends.filter(
        ([bad, status, attempts, lease]) =>
          lease !== null || (bad ? status !== 'pending' || attempts !== 1 : status !== 'delivered' || attempts !== 0),
      ),
    ).toEqual([]);
    const written = await dataSource.getRepository(NotificationEntity).findBy({ id: In(rows.map((r) => r.id)) });
    expect(written.map((n) => n.title).sort()).toEqual(
      rows.map((r) => (unwritable.includes(r) ? '先到的' : r.title)).sort(),
    );
  });
});
