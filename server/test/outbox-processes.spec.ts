import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationEvent } from '@pass/shared';
import { execute, queryRows } from './support/database-rows.js';
import { eventually } from './support/eventually.js';
import { type FakeWechat, startFakeWechat } from './support/fake-wechat.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

/**
 * The outbox delivered by two workers at once: two server processes sharing one database (MariaDB, or
 * one SQLite file), each polling every 50 ms, over a few hundred messages that all fall due at once.
 * The claim (SKIP LOCKED and the lease on MariaDB, a conditional UPDATE on SQLite) must hand each row to
 * one worker, the batched in-app delivery must fall back to one by one around messages that cannot be
 * written, and failures must be retried as the policy says (docs/scaling.md §4.4).
 */
const retryBaseMs = 150;
const maxAttempts = 3;
const template = 'T_pass_issued';

interface OutboxRow {
  id: string;
  accountId: string;
  channel: 'in_app' | 'wechat' | 'sms';
  address: string | null;
  event: NotificationEvent;
  title: string;
  body: string;
}

/** What the test expects of a row once the workers are done with it. */
type Kind = 'in_app' | 'in_app_unwritable' | 'digest' | 'wechat' | 'wechat_retried' | 'wechat_gone' | 'sms';

/** How the rows of the attack are made: interleaved, so every claim holds several kinds. */
const plan: Kind[] = [
  ...Array<Kind>(160).fill('in_app'),
  ...Array<Kind>(8).fill('in_app_unwritable'),
  ...Array<Kind>(30).fill('digest'),
  ...Array<Kind>(50).fill('wechat'),
  ...Array<Kind>(10).fill('wechat_retried'),
  ...Array<Kind>(6).fill('wechat_gone'),
  ...Array<Kind>(60).fill('sms'),
];

/** A database moment as both databases store it (UTC, to the millisecond). */
const sqlTime = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 23);

/** The number of arrivals a queue digest reports ("新增 N 件"). */
const digestCount = (body: string) => Number(/新增 (\d+) 件/.exec(body)?.[1] ?? Number.NaN);

describe(`the outbox delivered by two server processes at once, on ${testDatabaseKind}`, () => {
  let database: TestDatabase;
  let dataDir: string;
  /** One fake WeChat per process: a send's fake tells which process made it. */
  let wechats: FakeWechat[] = [];
  const servers: ServerProcess[] = [];
  const smsFiles = [0, 1].map((i) => `sms-${i}.log`);
  /** When the fake WeChat received each send, by openid. */
  const sendTimes = new Map<string, number[]>();
  /** Sends to `o-hold-…` are held unanswered until the test turns this off. */
  let holding = true;

  beforeAll(async () => {
    wechats = await Promise.all([startFakeWechat(), startFakeWechat()]);
    for (const wechat of wechats) {
      wechat.behaviour = (message) => {
        const times = [...(sendTimes.get(message.touser) ?? []), Date.now()];
        sendTimes.set(message.touser, times);
        if (message.touser.startsWith('o-hold-') && holding) return 'hold';
        if (message.touser.startsWith('o-gone-')) return { errcode: 43101 };
        if (message.touser.startsWith('o-retry-') && times.length <= 2) return { errcode: -1 };
        return 'accept';
      };
    }
    database = await createTestDatabase();
    dataDir = database.kind === 'sqlite' ? database.env.DATA_DIR! : mkdtempSync(join(tmpdir(), 'pass-outbox-'));
    const env = {
      DATA_DIR: dataDir,
      ...database.env,
      WECHAT_APP_ID: 'wx-test',
      WECHAT_APP_SECRET: 'secret',
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({ [NotificationEvent.PassIssued]: template }),
      NOTIFY_POLL_MS: '50',
      NOTIFY_LEASE_MS: '5000',
      NOTIFY_RETRY_BASE_MS: String(retryBaseMs),
      NOTIFY_MAX_ATTEMPTS: String(maxAttempts),
      // No scheduled scan competes with the deliveries.
      NOTIFY_SCAN_MS: '86400000',
    };
    // One after the other: the first migrates, the second finds the database ready.
    for (const [i, file] of smsFiles.entries()) {
      servers.push(
        await startServerProcess({ ...env, SMS_DEV_FILE: join(dataDir, file), WECHAT_API_BASE: wechats[i]!.url }),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all(wechats.map((w) => w.close()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Writes `rows` due now, oldest first, in one statement. */
  const insertDue = (rows: OutboxRow[], now: number) =>
    execute(
      database,
      `INSERT INTO notification_outbox (id, account_id, event, title, body, link, created_at, channel, address,
         once_key, status, attempts, next_attempt_at, lease_owner, lease_expires_at, last_error, delivered_at)
       VALUES ${rows.map(() => "(?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, 'pending', 0, ?, NULL, NULL, NULL, NULL)").join(', ')}`,
      rows.flatMap((r, i) => [
        r.id,
        r.accountId,
        r.event,
        r.title,
        r.body,
        sqlTime(new Date(now - 30_000 + i)),
        r.channel,
        r.address,
        sqlTime(new Date(now - 1_000)),
      ]),
    );

  type Stored = { id: string; status: string; attempts: number; lease_owner: string | null; lease_clear: number };
  /** The outbox once no row is pending. */
  const settled = async (): Promise<Stored[]> => {
    let outbox: Stored[] = [];
    await eventually(async () => {
      outbox = await queryRows<Stored>(
        database,
        'SELECT id, status, attempts, lease_owner, lease_expires_at IS NULL AS lease_clear FROM notification_outbox',
      );
      expect(outbox.filter((r) => r.status === 'pending')).toEqual([]);
    }, 90_000);
    return outbox;
  };

  /** The numbers texted by each process. */
  const textedBy = () =>
    smsFiles.map((file) => {
      const path = join(dataDir, file);
      if (!existsSync(path)) return [];
      return readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { to: string }).to);
    });

  /** Message-centre rows by id. */
  const messageCentre = async () =>
    new Map(
      (
        await queryRows<{ id: string; account_id: string; title: string; body: string }>(
          database,
          'SELECT id, account_id, title, body FROM notifications',
        )
      ).map((n) => [n.id, n]),
    );

  it('delivers every message exactly once, retries failures as the policy says, and leaves no lease behind', async () => {
    const digestAccounts: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const kinds = new Map<string, Kind>();
    const rows: OutboxRow[] = plan
      // Interleaved: the i-th of each kind together.
      .map((kind, i) => ({ kind, order: i - plan.indexOf(kind) }))
      .sort((a, b) => a.order - b.order)
      .map(({ kind }, i) => {
        const id = randomUUID();
        kinds.set(id, kind);
        const tag = String(i).padStart(4, '0');
        const base = {
          id,
          accountId: randomUUID(),
          event: NotificationEvent.PassIssued,
          title: '通行证已签发',
          body: `苏A${tag}0 的通行证已签发。`,
        };
        switch (kind) {
          case 'digest':
            return {
              ...base,
              accountId: digestAccounts[i % 3]!,
              channel: 'in_app',
              address: null,
              event: NotificationEvent.QueueNew,
            };
          case 'wechat':
          case 'wechat_retried':
          case 'wechat_gone': {
            const prefix = { wechat: 'o-ok-', wechat_retried: 'o-retry-', wechat_gone: 'o-gone-' }[kind];
            return { ...base, channel: 'wechat', address: `${prefix}${tag}` };
          }
          case 'sms':
            return { ...base, channel: 'sms', address: `1390000${tag}` };
          default:
            return { ...base, channel: 'in_app', address: null };
        }
      });

    // A message-centre row already holding an unwritable message's id: its INSERT fails on the key,
    // which fails the batch it is in (then delivered one by one) and the message itself every time.
    const unwritable = rows.filter((r) => kinds.get(r.id) === 'in_app_unwritable');
    const now = Date.now();
    await execute(
      database,
      `INSERT INTO notifications (id, account_id, event, title, body, link, created_at, read_at) VALUES ${unwritable
        .map(() => '(?, ?, ?, ?, ?, NULL, ?, NULL)')
        .join(', ')}`,
      unwritable.flatMap((r) => [r.id, r.accountId, r.event, '先到的', r.body, sqlTime(new Date(now - 60_000))]),
    );

    // Every row due at once, in one statement: both workers find a full outbox on their next poll.
    await insertDue(rows, now);
    const outbox = await settled();

    // Each row's end, as its kind says.
    const expected: Record<Kind, [status: string, attempts: number]> = {
      in_app: ['delivered', 0],
      digest: ['delivered', 0],
      wechat: ['delivered', 0],
      sms: ['delivered', 0],
      in_app_unwritable: ['failed', maxAttempts],
      wechat_retried: ['delivered', 2],
      wechat_gone: ['skipped', 1],
    };
    const ends = outbox.map((r) => ({
      kind: kinds.get(r.id),
      status: r.status,
      attempts: Number(r.attempts),
      leaseOwner: r.lease_owner,
      leaseClear: Number(r.lease_clear),
    }));
    expect(
      ends.filter((e) => !e.kind || e.status !== expected[e.kind][0] || e.attempts !== expected[e.kind][1]),
    ).toEqual([]);
    expect(outbox).toHaveLength(rows.length);
    // No row keeps a lease once it is settled.
    expect(ends.filter((e) => e.leaseOwner !== null || e.leaseClear !== 1)).toEqual([]);

    // In-app: one message-centre row per message, none lost and none twice; digests add up.
    const written = await queryRows<{ id: string; account_id: string; title: string; body: string }>(
      database,
      'SELECT id, account_id, title, body FROM notifications',
    );
    const byId = new Map(written.map((n) => [n.id, n]));
    const single = rows.filter((r) => kinds.get(r.id) === 'in_app');
    expect(single.filter((r) => byId.get(r.id)?.body !== r.body)).toEqual([]);
    expect(unwritable.map((r) => byId.get(r.id)?.title)).toEqual(unwritable.map(() => '先到的'));
    for (const account of digestAccounts) {
      const digests = written.filter((n) => n.account_id === account);
      const ids = new Set(rows.filter((r) => r.accountId === account).map((r) => r.id));
      expect(digests.every((n) => ids.has(n.id))).toBe(true);
      expect(digests.reduce((sum, n) => sum + digestCount(n.body), 0)).toBe(ids.size);
    }
    expect(written.length).toBe(
      single.length + unwritable.length + written.filter((n) => digestAccounts.includes(n.account_id)).length,
    );

    // WeChat: each accepted once; a refused send retried after the policy's wait; a refusal for good once.
    for (const r of rows.filter((r) => r.channel === 'wechat')) {
      const times = sendTimes.get(r.address!) ?? [];
      const kind = kinds.get(r.id);
      expect([r.address, times.length]).toEqual([r.address, kind === 'wechat_retried' ? 3 : 1]);
      for (let k = 1; k < times.length; k++) {
        expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(retryBaseMs * 2 ** (k - 1) - 5);
      }
    }
    expect(wechats.reduce((n, w) => n + w.delivered.length, 0)).toBe(
      rows.filter((r) => r.channel === 'wechat' && !kinds.get(r.id)!.endsWith('gone')).length,
    );

    // SMS: each text sent once, by one of the processes; both took part.
    const texts = textedBy();
    const sent = texts.flat().sort();
    expect(sent).toEqual(
      rows
        .filter((r) => r.channel === 'sms')
        .map((r) => r.address!)
        .sort(),
    );
    expect(texts.map((t) => t.length > 0)).toEqual([true, true]);
  }, 150_000);
  it('a worker dying with a send in flight: the other takes its rows when their lease ends, each still delivered once', async () => {
    const rows: OutboxRow[] = Array.from({ length: 40 }, (_, i) => {
      const tag = String(i).padStart(4, '0');
      const base = {
        id: randomUUID(),
        accountId: randomUUID(),
        event: NotificationEvent.PassIssued,
        title: '通行证已签发',
        body: `苏B${tag}0 的通行证已签发。`,
      };
      if (i === 0) return { ...base, channel: 'wechat', address: `o-hold-${tag}` };
      if (i % 3 === 0) return { ...base, channel: 'sms', address: `1380000${tag}` };
      if (i % 3 === 1) return { ...base, channel: 'wechat', address: `o-ok-b${tag}` };
      return { ...base, channel: 'in_app', address: null };
    });
    const held = rows[0]!;
    await insertDue(rows, Date.now());
    // Whichever process claimed the held message is killed while WeChat keeps it waiting.
    const holder = await Promise.race(wechats.map((w, i) => w.held.then(() => i)));
    holding = false;
    await servers[holder]!.crash();

    const ids = new Set(rows.map((r) => r.id));
    const outbox = (await settled()).filter((r) => ids.has(r.id));
    expect(outbox).toHaveLength(rows.length);
    // A crash is not a failed attempt; nothing keeps a lease.
    expect(
      outbox.filter((r) => r.status !== 'delivered' || Number(r.attempts) !== 0 || r.lease_owner !== null),
    ).toEqual([]);
    // The held message: sent by the dead process (never answered), again by the survivor once the lease
    // renewed for that call had run out (NOTIFY_LEASE_MS), and accepted there only.
    const times = sendTimes.get(held.address!) ?? [];
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(5_000 - 200);
    expect(wechats.map((w) => w.delivered.filter((m) => m.touser === held.address).length)).toEqual(
      holder === 0 ? [0, 1] : [1, 0],
    );
    // Every other message once: WeChat, texts, message centre.
    const others = rows.filter((r) => r.channel === 'wechat' && r !== held);
    expect(others.filter((r) => sendTimes.get(r.address!)?.length !== 1)).toEqual([]);
    const phones = rows.filter((r) => r.channel === 'sms').map((r) => r.address!);
    expect(
      textedBy()
        .flat()
        .filter((to) => phones.includes(to))
        .sort(),
    ).toEqual(phones.sort());
    const centre = await messageCentre();
    expect(rows.filter((r) => r.channel === 'in_app' && centre.get(r.id)?.body !== r.body)).toEqual([]);
  }, 120_000);
});
