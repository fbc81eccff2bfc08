import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationEvent } from '@pass/shared';
import { DataSource, type EntityManager, In, type ObjectLiteral } from 'typeorm';
import { ApplicationEntity } from '../src/applications/application.entity.js';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { CheckpointEntity } from '../src/checkpoints/checkpoint.entity.js';
import { hydrate, insertRows, insertStatement, selectList, updateStatement } from '../src/database/plain-rows.js';
import {
  batchedTransaction,
  commitWithStatements,
  placeholders,
  type ReadingStatement,
  readStatements,
  runStatements,
} from '../src/database/statements.js';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity.js';
import { recordStatements } from './support/sent-statements.js';
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
      const update = (action: string) =>
        updateStatement(tx, AuditEntryEntity, { id: entry.id, action }, { after: { x: 1 } });
      expect(await runStatements(tx, [update('other')])).toEqual([{ rows: [], affected: 0, insertId: 0 }]);
      expect(await runStatements(tx, [update('application.approve')])).toEqual([
        { rows: [], affected: 1, insertId: 0 },
      ]);
    });
    expect((await read()).after).toEqual({ x: 1 });
  });

  /** An outbox row: its id is the primary key, its once-key a unique one. */
  const outboxRow = (title: string, onceKey: string | null = null) =>
    manager.create(OutboxMessageEntity, {
      id: randomUUID(),
      accountId: randomUUID(),
      channel: 'in_app',
      address: null,
      event: NotificationEvent.PassExpiring,
      title,
      body: `${title}：通行证将于明日到期。`,
      link: null,
      onceKey,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
      deliveredAt: null,
      createdAt: new Date(),
    });
  const titles = async (rows: OutboxMessageEntity[]) =>
    (await manager.findBy(OutboxMessageEntity, { id: In(rows.map((r) => r.id)) })).map((r) => r.title).sort();

  it('skipDuplicates skips the rows whose primary or unique key is taken, and answers how many it inserted', async () => {
    const key = `expiring:${randomUUID()}`;
    const first = outboxRow('先到的', key);
    expect(await insertRows(manager, OutboxMessageEntity, [first])).toBe(1);
    const laterKey = `expiring:${randomUUID()}`;
    const batch = [
      Object.assign(outboxRow('同一主键'), { id: first.id }),
      outboxRow('同一唯一键', key),
      outboxRow('新的甲'),
      outboxRow('新的乙', laterKey),
      // A duplicate within the statement itself: the first of the two is kept.
      outboxRow('新的乙重复', laterKey),
    ];
    // Without the mode a duplicate fails the whole statement: nothing of it is written.
    await expect(insertRows(manager, OutboxMessageEntity, batch)).rejects.toThrow();
    expect(await titles(batch)).toEqual(['先到的']);
    expect(await insertRows(manager, OutboxMessageEntity, batch, { skipDuplicates: true })).toBe(2);
    expect(await titles(batch)).toEqual(['先到的', '新的乙', '新的甲'].sort());
    // Again: everything is a duplicate now.
    expect(await insertRows(manager, OutboxMessageEntity, batch, { skipDuplicates: true })).toBe(0);
    expect(await insertRows(manager, OutboxMessageEntity, [], { skipDuplicates: true })).toBe(0);
  });

  it('updates the rows listed by key, only those, and none for an empty list', async () => {
    const rows = ['甲', '乙', '丙'].map((title) => outboxRow(title));
    await insertRows(manager, OutboxMessageEntity, rows);
    const retitle = (ids: string[], title: string) =>
      manager.transaction((tx) =>
        runStatements(tx, [updateStatement(tx, OutboxMessageEntity, { id: ids, status: 'pending' }, { title })]),
      );
    expect((await retitle([rows[0]!.id, rows[2]!.id], '改')).map((r) => r.affected)).toEqual([2]);
    expect(await titles(rows)).toEqual(['乙', '改', '改'].sort());
    expect((await retitle([], '再改')).map((r) => r.affected)).toEqual([0]);
    expect(await titles(rows)).toEqual(['乙', '改', '改'].sort());
  });

  it('skipDuplicates hides no other error: a NULL in a NOT NULL column fails, and its transaction keeps nothing', async () => {
    const rows = [outboxRow('完整的'), Object.assign(outboxRow('缺标题'), { title: null })];
    await expect(
      manager.transaction((tx) => insertRows(tx, OutboxMessageEntity, rows, { skipDuplicates: true })),
    ).rejects.toThrow();
    expect(await titles(rows)).toEqual([]);
  });

  it('refuses a table with a column TypeORM fills in itself (a version)', async () => {
    await expect(insertRows(manager, ApplicationEntity, [manager.create(ApplicationEntity, {})])).rejects.toThrow(
      /applications\.version is filled in by TypeORM/,
    );
  });

  it('runStatements: several statements in one round trip, the rows of each or the count it changed, in order', async () => {
    const rows = [outboxRow('批一'), outboxRow('批二'), outboxRow('批三')];
    const sent = recordStatements(manager.connection);
    try {
      await manager.transaction(async (tx) => {
        const results = await runStatements(tx, [
          insertStatement(tx, OutboxMessageEntity, rows.slice(0, 2)),
          // Sees the rows of the statement before it.
          updateStatement(tx, OutboxMessageEntity, { id: rows[0]!.id }, { title: '批一改' }),
          {
            sql: 'SELECT title FROM notification_outbox WHERE id IN (?, ?) ORDER BY title',
            params: [rows[0]!.id, rows[1]!.id],
          },
          insertStatement(tx, OutboxMessageEntity, [rows[2]!]),
          updateStatement(tx, OutboxMessageEntity, { id: randomUUID() }, { title: '无此行' }),
        ]);
        expect(results.map((r) => r.affected)).toEqual([2, 1, 0, 1, 0]);
        expect(results[2]!.rows.map((r) => r.title)).toEqual(['批一改', '批二'].sort());
      });
    } finally {
      sent.stop();
    }
    const [transaction] = sent.transactions();
    const roundTrips = transaction!.filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT)/.test(sql)).length;
    // MariaDB: one packet; SQLite, in process, runs them one by one.
    expect(roundTrips).toBe(testDatabaseKind === 'sqlite' ? 5 : 1);
    expect(await titles(rows)).toEqual(['批一改', '批三', '批二'].sort());
  });

  it('readStatements: the reads in one round trip, each answered by its read in order, a null left out and answered null', async () => {
    const rows = [outboxRow('读一'), outboxRow('读二')];
    await insertRows(manager, OutboxMessageEntity, rows);
    const titleOf = (row: OutboxMessageEntity): ReadingStatement<string | undefined> => ({
      sql: 'SELECT title FROM notification_outbox WHERE id IN (?)',
      params: [row.id],
      read: ([found]) => found?.title,
    });
    const read: string[] = [];
    const counting = (statement: ReadingStatement<string | undefined>) => ({
      ...statement,
      read: (found: ObjectLiteral[]) => {
        read.push(statement.read(found)!);
        return found.length;
      },
    });
    const sent = recordStatements(manager.connection);
    try {
      await manager.transaction(async (tx) => {
        const answers = await readStatements(tx, [titleOf(rows[1]!), null, counting(titleOf(rows[0]!))]);
        expect(answers).toEqual(['读二', null, 1]);
        // Each answer has its read's type (checked by tsc): a string, null, a number.
        answers satisfies [string | undefined, null, number];
        expect(read).toEqual(['读一']);
        // A read that refuses stops the reads after it.
        const refusing = {
          ...titleOf(rows[0]!),
          read: () => {
            throw new Error('refused');
          },
        };
        read.length = 0;
        await expect(readStatements(tx, [refusing, counting(titleOf(rows[1]!))])).rejects.toThrow('refused');
        expect(read).toEqual([]);
      });
    } finally {
      sent.stop();
    }
    const [transaction] = sent.transactions();
    const roundTrips = transaction!.filter((sql) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/.test(sql)).length;
    // MariaDB: one packet per call; SQLite, in process, runs them one by one.
    expect(roundTrips).toBe(testDatabaseKind === 'sqlite' ? 4 : 2);
    expect(placeholders([])).toBe('NULL');
    expect(placeholders(['a', 'b'])).toBe('?, ?');
  });

  it('the statement recorder keeps a transaction whole while another caller queries during it', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent = recordStatements(manager.connection);
    try {
      const transaction = manager.transaction(async (tx) => {
        await tx.query('SELECT 1 AS first');
        entered();
        await held;
        await tx.query('SELECT 2 AS second');
      });
      await inside;
      // Asked for from outside the transaction while it is open, as a background worker does: on SQLite
      // it waits for the COMMIT (one shared connection), on MariaDB it runs on another connection.
      const outside = manager.query('SELECT 3 AS third');
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([transaction, outside]);
    } finally {
      sent.stop();
    }
    expect(sent.transactions()).toEqual([
      [expect.stringMatching(/^(START TRANSACTION|BEGIN)/), 'SELECT 1 AS first', 'SELECT 2 AS second', 'COMMIT'],
    ]);
  });

  /**
   * Three INSERTs through `run` in a transaction, the middle one on a taken primary key: the batch fails
   * on it and the transaction keeps nothing, neither the row before it nor the one after. Answers the
   * row after, never written.
   */
  const failsWhole = async (run: typeof runStatements) => {
    const taken = outboxRow('已有');
    await insertRows(manager, OutboxMessageEntity, [taken]);
    const before = outboxRow('之前的');
    const after = outboxRow('之后的');
    await expect(
      manager.transaction((tx) =>
        run(tx, [
          insertStatement(tx, OutboxMessageEntity, [before]),
          insertStatement(tx, OutboxMessageEntity, [Object.assign(outboxRow('主键重复'), { id: taken.id })]),
          insertStatement(tx, OutboxMessageEntity, [after]),
        ]),
      ),
    ).rejects.toThrow(/duplicate|unique/i);
    expect(await titles([taken, before, after])).toEqual(['已有']);
    return after;
  };

  it('runStatements: a statement that fails stops the batch, and its transaction keeps nothing of it', async () => {
    const after = await failsWhole(runStatements);
    // Outside a transaction nothing would roll a failed batch back: refused before anything is sent.
    await expect(runStatements(manager, [insertStatement(manager, OutboxMessageEntity, [after])])).rejects.toThrow(
      /needs a transaction/,
    );
    expect(await titles([after])).toEqual([]);
  });

  it('commitWithStatements: the last statements and the COMMIT in one round trip; a failure commits nothing', async () => {
    const rows = [outboxRow('末一'), outboxRow('末二')];
    const sent = recordStatements(manager.connection);
    try {
      await manager.transaction(async (tx) => {
        const results = await commitWithStatements(tx, [
          insertStatement(tx, OutboxMessageEntity, [rows[0]!]),
          updateStatement(tx, OutboxMessageEntity, { id: rows[0]!.id }, { title: '末一改' }),
          insertStatement(tx, OutboxMessageEntity, [rows[1]!]),
        ]);
        expect(results.map((r) => r.affected)).toEqual([1, 1, 1]);
        // Nothing may run after it: it would not be in the transaction any more.
        await expect(
          runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [outboxRow('之后')])]),
        ).rejects.toThrow(/needs a transaction/);
      });
    } finally {
      sent.stop();
    }
    expect(await titles(rows)).toEqual(['末一改', '末二'].sort());
    const [transaction] = sent.transactions();
    // MariaDB: START, one packet ending in COMMIT (TypeORM's own COMMIT follows, outside any
    // transaction: batchedTransaction leaves it out); SQLite runs them one by one.
    expect(transaction!.slice(1)).toEqual(
      testDatabaseKind === 'sqlite'
        ? [
            expect.stringMatching(/^INSERT/),
            expect.stringMatching(/^UPDATE/),
            expect.stringMatching(/^INSERT/),
            'COMMIT',
          ]
        : [expect.stringMatching(/^INSERT.*;\nUPDATE.*;\nINSERT.*;\nCOMMIT$/s)],
    );

    const last = await failsWhole(commitWithStatements);
    // The next transaction writes as usual (on SQLite every transaction shares one query runner).
    await manager.transaction((tx) => runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [last])]));
    expect(await titles([last])).toEqual(['之后的']);
  });
  it('batchedTransaction: begun by its first batch, committed by its last with nothing after; a failure keeps nothing', async () => {
    const dataSource = manager.connection;
    const sent = recordStatements(dataSource);
    const [first, second, third] = [outboxRow('批一'), outboxRow('批二'), outboxRow('批三')];
    try {
      const answer = await batchedTransaction(dataSource, async (tx) => {
        await runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [first!])]);
        await commitWithStatements(tx, [insertStatement(tx, OutboxMessageEntity, [second!])]);
        return 'done';
      });
      expect(answer).toBe('done');
      // Committed by the work's runStatements alone: batchedTransaction sends the COMMIT.
      await batchedTransaction(dataSource, (tx) =>
        runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [third!])]),
      );
    } finally {
      sent.stop();
    }
    expect(await titles([first!, second!, third!])).toEqual(['批一', '批二', '批三'].sort());
    if (testDatabaseKind === 'mariadb') {
      // Every statement of each transaction's connection, not only those between its START and its end:
      // nothing is sent after the packet that commits.
      const begun = 'START TRANSACTION;\nINSERT INTO `notification_outbox`';
      const mine = sent.streams().filter((stream) => stream[0]?.startsWith(begun));
      expect(mine).toEqual([
        [expect.stringMatching(/^START TRANSACTION;\n/), expect.stringMatching(/^INSERT.*;\nCOMMIT$/s)],
        [expect.stringMatching(/^START TRANSACTION;\n/), 'COMMIT'],
      ]);
    }

    // A failure after the first batch rolls it back.
    const lost = outboxRow('回滚');
    await expect(
      batchedTransaction(dataSource, async (tx) => {
        await runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [lost])]);
        throw new Error('after the first batch');
      }),
    ).rejects.toThrow('after the first batch');
    expect(await titles([lost])).toEqual([]);
    // A failing batch, the first or a later one, keeps nothing either.
    const after = outboxRow('之后的');
    const taken = outboxRow('已占');
    await insertRows(manager, OutboxMessageEntity, [taken]);
    await expect(
      batchedTransaction(dataSource, async (tx) => {
        await runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [after])]);
        await runStatements(tx, [
          insertStatement(tx, OutboxMessageEntity, [Object.assign(outboxRow('重复'), { id: taken.id })]),
        ]);
      }),
    ).rejects.toThrow(/duplicate|unique/i);
    expect(await titles([after])).toEqual([]);

    if (testDatabaseKind === 'mariadb') {
      // A TypeORM query before the first batch would run outside the transaction: refused, nothing sent.
      await expect(
        batchedTransaction(dataSource, (tx) => tx.findOneBy(OutboxMessageEntity, { id: first!.id })),
      ).rejects.toThrow(/begins with runStatements/);
      // After the first batch TypeORM's own queries run in the transaction as usual.
      const seen = await batchedTransaction(dataSource, async (tx) => {
        const added = outboxRow('看见');
        await runStatements(tx, [insertStatement(tx, OutboxMessageEntity, [added])]);
        return tx.findOneBy(OutboxMessageEntity, { id: added.id });
      });
      expect(seen?.title).toBe('看见');
    }
  });
});
