import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { hydrate, insertStatement, selectList, updateStatement } from '../database/plain-rows.js';
import { batchedTransaction, commitWithStatements, runStatements } from '../database/statements.js';
import { NotificationEntity } from './notification.entity.js';
import { digestEvents, NotificationsService } from './notifications.service.js';
import { OutboxMessageEntity } from './outbox-message.entity.js';
import { SMS_SENDER, type SmsSender } from './sms.sender.js';
import { PermanentDeliveryError, WechatSubscribeClient } from './wechat-subscribe.client.js';

/**
 * Rows one claim takes. In-app messages are delivered together in one transaction, and while passes are
 * issued at hundreds a second as many messages fall due: a claim costs its transaction whatever its
 * size, which at 10 rows a claim was as much work as a tenth of the approvals that wrote them. An outside
 * channel's row gets a fresh lease before its call (renewLease), so one that waited in the batch past
 * the claim's lease is left to whoever claimed it since (LeaseLost): it is never sent twice.
 */
const batchSize = 100;
/** The longest wait between two tries of one message, however many failed before. */
const maxBackoffMs = 6 * 3_600_000;

/** The rows due now and held by nobody, `now` standing for the time's parameter (named or `?`). */
const dueRows = (now: string) =>
  `o.status = 'pending' AND o.next_attempt_at <= ${now} AND (o.lease_expires_at IS NULL OR o.lease_expires_at < ${now})`;

/** The row was taken over by another worker (its lease ran out): this one leaves it alone. */
class LeaseLost extends Error {}

/**
 * Delivers the outbox, in every server process at once. A claim leases a batch of due rows to one
 * worker: on MariaDB `SELECT … FOR UPDATE SKIP LOCKED` in a short transaction, so two workers never
 * take the same row and neither waits for the other; on SQLite, where writes are serialised, one
 * conditional UPDATE that sets the lease on rows nobody holds. A worker that dies leaves its rows
 * leased until the lease ends; then another takes them. An in-app message is inserted in the same
 * transaction that marks its row delivered, so it exists exactly once; an outside channel (WeChat,
 * SMS) is marked right after the call answers (see docs/notifications.md for the one window left).
 * A failure waits `NOTIFY_RETRY_BASE_MS · 2^(attempts−1)`, and after NOTIFY_MAX_ATTEMPTS the row is failed.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private lastScan = Date.now();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly wechat: WechatSubscribeClient,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notifications.worker) this.schedule();
  }

  /** Before the database closes: no new claim, and the batch in hand is finished. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.config.notifications.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (Date.now() - this.lastScan >= this.config.notifications.scanMs) {
        this.lastScan = Date.now();
        for (const scan of this.notifications.scheduledScans()) {
          // One scan failing (a lock timeout, say) does not keep the others or the deliveries waiting.
          await scan(new Date()).catch((error) => this.logger.warn(`scheduled scan: ${String(error)}`));
        }
      }
      // A claim short of a full batch took every row due: the next one would find none (a claim that
      // finds nothing still costs a transaction), so the next tick looks again.
      while (!this.stopped && (await this.deliverBatch()) === batchSize) {
        // another batch may be due
      }
    } catch (error) {
      this.logger.warn(`outbox: ${String(error)}`);
    }
  }

  /**
   * Claims, then delivers, one batch; answers how many rows it claimed. The in-app messages of the
   * batch are delivered together, in one transaction (issuance at hundreds of passes a second writes
   * as many messages: one transaction each cost more statements than the approval that wrote them).
   */
  async deliverBatch(): Promise<number> {
    const claim = randomUUID();
    const rows = await this.claim(claim);
    // Text written before its value existed (a pass's number, see PassNotices.issued), for every channel.
    await this.notifications.fillIn(rows);
    const groups = groupForDelivery(rows);
    const inApp = groups.filter((group) => first(group).channel === 'in_app');
    if (inApp.length > 1 && !this.stopped && !(await this.deliverInAppTogether(claim, inApp))) {
      // Something in the batch failed (a lease lost, a message that cannot be written): nothing of it
      // was written, and each message is tried on its own, so that one bad message fails only itself.
      for (const group of inApp) await this.deliver(claim, group);
    } else if (inApp.length === 1 && !this.stopped) {
      await this.deliver(claim, inApp[0]!);
    }
    for (const group of groups) {
      if (this.stopped) break;
      if (first(group).channel !== 'in_app') await this.deliver(claim, group);
    }
    return rows.length;
  }

  /** The claim's rows, oldest first, leased to `claim`. */
  private async claim(claim: string): Promise<OutboxMessageEntity[]> {
    const now = new Date();
    const lease = { leaseOwner: claim, leaseExpiresAt: new Date(now.getTime() + this.config.notifications.leaseMs) };
    if (this.dataSource.options.type === 'better-sqlite3') {
      await this.dataSource
        .createQueryBuilder()
        .update(OutboxMessageEntity)
        .set(lease)
        .where(
          `id IN (SELECT o.id FROM notification_outbox o WHERE ${dueRows(':now')} ORDER BY o.next_attempt_at, o.id LIMIT ${batchSize})`,
          { now },
        )
        .execute();
      return this.dataSource
        .getRepository(OutboxMessageEntity)
        .find({ where: { leaseOwner: claim, status: 'pending' }, order: { createdAt: 'ASC', id: 'ASC' } });
    }
    // The rows themselves are read by the locking read (not their ids and then the rows again): they
    // are locked until the lease is written, and the lease is all that changes of them. Two round trips
    // (batchedTransaction): the START with the read, the lease with the COMMIT.
    const rows = await batchedTransaction(this.dataSource, async (manager) => {
      const [found] = await runStatements(manager, [
        {
          sql: `SELECT ${selectList(manager, OutboxMessageEntity, 'o')} FROM notification_outbox o
           WHERE ${dueRows('?')} ORDER BY o.next_attempt_at, o.id LIMIT ${batchSize}
           FOR UPDATE SKIP LOCKED`,
          params: [now, now],
        },
      ]);
      const due = found!.rows.map((row) => hydrate(manager, OutboxMessageEntity, row));
      const ids = due.map((row) => row.id);
      await commitWithStatements(
        manager,
        ids.length ? [updateStatement(manager, OutboxMessageEntity, { id: ids }, lease)] : [],
      );
      return due;
    });
    return rows
      .map((row) => Object.assign(row, lease))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Every in-app group of a claim in one transaction: its rows marked delivered in one UPDATE, their
   * messages written in one INSERT. False (and nothing written) when any of it failed.
   */
  private async deliverInAppTogether(claim: string, groups: OutboxMessageEntity[][]): Promise<boolean> {
    try {
      await this.writeInApp(claim, groups);
      return true;
    } catch (error) {
      if (!(error instanceof LeaseLost))
        this.logger.warn(`outbox: in-app batch failed, delivering one by one: ${String(error)}`);
      return false;
    }
  }

  /**
   * Marks the groups' rows delivered and writes their messages, in one transaction of two round trips on
   * MariaDB (batchedTransaction): the START with both writes, then the COMMIT once the count says every
   * row was still this claim's (LeaseLost otherwise, and nothing is written).
   */
  private writeInApp(claim: string, groups: OutboxMessageEntity[][]): Promise<void> {
    const rows = groups.flat();
    return batchedTransaction(this.dataSource, async (manager) => {
      const [marked] = await runStatements(manager, [
        updateStatement(
          manager,
          OutboxMessageEntity,
          { ...stillClaimed(claim), id: rows.map((r) => r.id) },
          delivered(),
        ),
        insertStatement(manager, NotificationEntity, groups.map(inAppMessage)),
      ]);
      if (marked!.affected !== rows.length) throw new LeaseLost();
    });
  }

  private async deliver(claim: string, group: OutboxMessageEntity[]): Promise<void> {
    const first = group[0]!;
    const text = messageText(group);
    try {
      if (first.channel === 'in_app') {
        await this.writeInApp(claim, [group]);
        return;
      }
      await this.renewLease(claim, group);
      const message = { ...first, ...text } as OutboxMessageEntity;
      if (first.channel === 'wechat') await this.wechat.send(message);
      else await this.sms.send(message);
      await this.markDelivered(claim, group);
    } catch (error) {
      if (error instanceof LeaseLost) return;
      await this.recordFailure(claim, group, error);
    }
  }

  /** An outside channel's rows, once the call answered. */
  private async markDelivered(claim: string, group: OutboxMessageEntity[]): Promise<void> {
    const result = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .update({ ...stillClaimed(claim), id: In(group.map((r) => r.id)) }, delivered());
    if (result.affected !== group.length) throw new LeaseLost();
  }

  /** A fresh lease for the call to come: the call times out well within it (WechatSubscribeClient.timeoutMs). */
  private async renewLease(claim: string, group: OutboxMessageEntity[]): Promise<void> {
    const result = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .update(
        { ...stillClaimed(claim), id: In(group.map((r) => r.id)) },
        { leaseExpiresAt: new Date(Date.now() + this.config.notifications.leaseMs) },
      );
    if (result.affected !== group.length) throw new LeaseLost();
  }

  private async recordFailure(claim: string, group: OutboxMessageEntity[], error: unknown): Promise<void> {
    const { maxAttempts, retryBaseMs } = this.config.notifications;
    const repository = this.dataSource.getRepository(OutboxMessageEntity);
    for (const row of group) {
      const attempts = row.attempts + 1;
      const status =
        error instanceof PermanentDeliveryError ? 'skipped' : attempts >= maxAttempts ? 'failed' : 'pending';
      const wait = Math.min(maxBackoffMs, retryBaseMs * 2 ** (attempts - 1));
      await repository.update(
        { id: row.id, leaseOwner: claim },
        {
          status,
          attempts,
          nextAttemptAt: new Date(Date.now() + wait),
          leaseOwner: null,
          leaseExpiresAt: null,
          lastError: String(error).slice(0, 300),
        },
      );
    }
    this.logger.warn(`outbox: ${first(group).channel} ${first(group).event} failed: ${String(error)}`);
  }
}

const first = (group: OutboxMessageEntity[]) => group[0]!;

/** The rows of a claim that nobody has taken over since (their lease ran out) or finished. */
const stillClaimed = (claim: string) => ({ leaseOwner: claim, status: 'pending' as const });

/** What a row delivered keeps. */
const delivered = () => ({
  status: 'delivered' as const,
  deliveredAt: new Date(),
  leaseOwner: null,
  leaseExpiresAt: null,
  lastError: null,
});

/** Digest rows of one account, channel and event become one message; every other row is its own. */
export function groupForDelivery(rows: OutboxMessageEntity[]): OutboxMessageEntity[][] {
  const groups = new Map<string, OutboxMessageEntity[]>();
  for (const row of rows) {
    const key = digestEvents.has(row.event) ? `${row.accountId}|${row.channel}|${row.event}` : row.id;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/** The message-centre row an in-app group becomes, with its first row's id (written once). */
function inAppMessage(group: OutboxMessageEntity[]): NotificationEntity {
  const row = first(group);
  return Object.assign(new NotificationEntity(), {
    id: row.id,
    accountId: row.accountId,
    event: row.event,
    ...messageText(group),
    link: row.link,
    readAt: null,
    // When it happened, not when it was delivered: the list reads in the order of events.
    createdAt: group.at(-1)!.createdAt,
  });
}

/** The digest's own words; a single message keeps its text. */
function messageText(group: OutboxMessageEntity[]): { title: string; body: string } {
  const row = first(group);
  if (!digestEvents.has(row.event)) return { title: row.title, body: row.body };
  return { title: '新申请待审核', body: `审核队列新增 ${group.length} 件申请，请及时审核。` };
}
