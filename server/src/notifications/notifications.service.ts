import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ErrorCode,
  encodePageCursor,
  NotificationEvent,
  type NotificationView,
  type Page,
  type PageCursor,
  Role,
  type SubscribeTemplates,
} from '@pass/shared';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AccountsService, type Audience, type Recipient } from '../accounts/accounts.service.js';
import type { RequestActor } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { pageOf } from '../common/page.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { recordView } from '../database/base-record.js';
import { insertRows, insertStatement, type Statement } from '../database/plain-rows.js';
import type { ReadingStatement } from '../database/statements.js';
import { NotificationEntity } from './notification.entity.js';
import { type DeliveryChannel, OutboxMessageEntity } from './outbox-message.entity.js';
import { SMS_SENDER, type SmsSender } from './sms.sender.js';

/** What a module tells: the event, to whom, the Chinese text, and the mini-program page it opens. */
export interface Notice {
  event: NotificationEvent;
  audience: Audience;
  /** Short: WeChat shows at most 20 characters of it. */
  title: string;
  body: string;
  link?: string | null;
  /**
   * For scheduled scans: a notice with a key already written is not written again, so a scan may see
   * the same pass or application on every pass and still tell once.
   */
  onceKey?: string;
}

/** Arrivals in a queue are told as one digest per window, not one message per application. */
export const digestEvents: ReadonlySet<NotificationEvent> = new Set([NotificationEvent.QueueNew]);

/** The templates each role is asked to accept (WeChat takes at most three per request). */
const subscribeEventsByRole: Partial<Record<Role, NotificationEvent[]>> = {
  [Role.FleetManager]: [
    NotificationEvent.PassIssued,
    NotificationEvent.ApplicationReturned,
    NotificationEvent.ApplicationRejected,
  ],
  [Role.Official]: [NotificationEvent.QueueNew, NotificationEvent.ApplicationOverdue, NotificationEvent.CloneAlert],
};

export type ScheduledScan = (now: Date) => Promise<void>;

/** What a placeholder's keys stand for, read when the messages naming them are delivered. */
export type PlaceholderValues = (keys: string[]) => Promise<ReadonlyMap<string, string>>;

const placeholderPattern = /\{\{([a-z]+):([\w-]+)\}\}/g;

/**
 * Text in a notice that is not known when the notice is written but is by its commit (a pass's number,
 * which issuance takes last, inside the issuer's serial lock): the worker puts the value in at delivery
 * (NotificationsService.fillIn).
 */
export function placeholder(kind: string, key: string): string {
  return `{{${kind}:${key}}}`;
}

/**
 * Notifications: modules write them with `enqueue` inside the transaction of the change; the outbox
 * worker delivers them in-app, by WeChat subscribe message and by SMS; accounts read their own here.
 */
@Injectable()
export class NotificationsService {
  private readonly scans: ScheduledScan[] = [];
  private readonly placeholders = new Map<
    string,
    { events: ReadonlySet<NotificationEvent>; values: PlaceholderValues }
  >();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  /** The address of a page of the H5 app this server serves, for a text that tells someone where to go. */
  appPageLink(page: string): string {
    return `${this.config.publicBaseUrl}/#${page}`;
  }

  /**
   * Sends a text message now, to a phone that need not belong to an account (a crew member's), for what
   * the person is waiting for on the spot: a one-time sign-in code, which must not rest in clear in the
   * outbox, or a link a fleet manager sends while the driver stands beside them. A failure is the
   * caller's answer (the user retries), not a retry in the background.
   */
  async sendText(phone: string, title: string, body: string): Promise<void> {
    try {
      await this.sms.send({ address: phone, title, body });
    } catch {
      throw new DomainException(ErrorCode.DatabaseUnavailable, '短信发送失败，请稍后重试');
    }
  }

  /**
   * Writes one outbox row per recipient and channel with the caller's manager, so the message commits
   * or rolls back with the change. In-app always; WeChat when the account has an openid and the event
   * a template; SMS for the configured events.
   */
  async enqueue(manager: EntityManager, notice: Notice): Promise<void> {
    const rows = this.outboxRows(manager, notice, await this.accounts.recipients(manager, notice.audience));
    // A scan's notice seen before is skipped row by row on its once-key; a notice without one cannot be a duplicate.
    await insertRows(manager, OutboxMessageEntity, rows, { skipDuplicates: notice.onceKey !== undefined });
  }

  /**
   * enqueue as two statements, each for a caller to send with its others in one round trip: the
   * recipients' read (readStatements), which answers the rows' INSERT (runStatements), or null when
   * nobody is to be told; null instead of the read when the audience is an empty list. Only for a
   * notice without a once-key, whose rows cannot be duplicates.
   */
  enqueueStatement(manager: EntityManager, notice: Notice): ReadingStatement<Statement | null> | null {
    if (notice.onceKey !== undefined)
      throw new Error('enqueueStatement: a notice with a once-key goes through enqueue');
    const recipients = this.accounts.recipientsStatement(notice.audience);
    if (!recipients) return null;
    return {
      ...recipients,
      read: (found) => {
        const rows = this.outboxRows(manager, notice, recipients.read(found));
        // Every approval writes its notice here: a plain INSERT (see insertRows for why).
        return rows.length === 0 ? null : insertStatement(manager, OutboxMessageEntity, rows);
      },
    };
  }

  private outboxRows(manager: EntityManager, notice: Notice, recipients: Recipient[]): OutboxMessageEntity[] {
    if (recipients.length === 0) return [];
    const now = new Date();
    const notBefore = digestEvents.has(notice.event) ? this.digestWindowEnd(now) : now;
    const template = this.config.wechat.subscribeTemplates[notice.event];
    const sms = this.config.notifications.smsEvents.includes(notice.event);
    const rows: OutboxMessageEntity[] = [];
    const row = (accountId: string, channel: DeliveryChannel, address: string | null) =>
      manager.create(OutboxMessageEntity, {
        id: randomUUID(),
        accountId,
        channel,
        address,
        event: notice.event,
        title: notice.title.slice(0, 60),
        body: notice.body.slice(0, 300),
        link: notice.link ?? null,
        onceKey: notice.onceKey ? `${notice.onceKey}|${accountId}|${channel}` : null,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: notBefore,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
        deliveredAt: null,
        createdAt: now,
      });
    for (const r of recipients) {
      rows.push(row(r.id, 'in_app', null));
      if (template && r.wechatOpenid) rows.push(row(r.id, 'wechat', r.wechatOpenid));
      if (sms) rows.push(row(r.id, 'sms', r.phone));
    }
    return rows;
  }

  /** Scans a higher module registers at start (passes expiring, overdue applications); the worker runs them. */
  schedule(scan: ScheduledScan): void {
    this.scans.push(scan);
  }

  scheduledScans(): readonly ScheduledScan[] {
    return this.scans;
  }

  /**
   * How a higher module's placeholders (see placeholder()) are filled in at delivery, in the messages of
   * these events only: text someone typed (a reason) in another event's message is left as typed.
   */
  fillPlaceholdersWith(kind: string, events: NotificationEvent[], values: PlaceholderValues): void {
    this.placeholders.set(kind, { events: new Set(events), values });
  }

  /**
   * Puts the values of their placeholders into messages' titles and bodies, one read per kind for the
   * lot; a placeholder with no value (none registered, or the key not found) stays as written.
   */
  async fillIn(messages: { event: NotificationEvent; title: string; body: string }[]): Promise<void> {
    const keys = new Map<string, Set<string>>();
    for (const message of messages) {
      for (const [, kind, key] of `${message.title}${message.body}`.matchAll(placeholderPattern)) {
        if (!this.placeholders.get(kind!)?.events.has(message.event)) continue;
        if (!keys.has(kind!)) keys.set(kind!, new Set());
        keys.get(kind!)!.add(key!);
      }
    }
    if (keys.size === 0) return;
    const values = new Map<string, string>();
    for (const [kind, wanted] of keys) {
      for (const [key, value] of await this.placeholders.get(kind)!.values([...wanted])) {
        values.set(placeholder(kind, key), value);
      }
    }
    const fill = (text: string) => text.replace(placeholderPattern, (whole) => values.get(whole) ?? whole);
    for (const message of messages) {
      if (![...this.placeholders.values()].some(({ events }) => events.has(message.event))) continue;
      message.title = fill(message.title);
      message.body = fill(message.body);
    }
  }

  /** The end of the digest window `now` falls in: every process computes the same one. */
  digestWindowEnd(now: Date): Date {
    const window = this.config.notifications.digestMs;
    return new Date(Math.floor(now.getTime() / window) * window + window);
  }

  async list(actor: RequestActor, after?: PageCursor, limit = 20): Promise<Page<NotificationView>> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.account_id = :account', { account: actor.id })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(limit + 1);
    if (after) {
      query.andWhere('(n.created_at < :at OR (n.created_at = :at AND n.id < :id))', {
        at: after.createdAt,
        id: after.id,
      });
    }
    const rows = await query.getMany();
    return pageOf(rows, limit, toNotificationView, (n) => encodePageCursor(n.createdAt, n.id));
  }

  async unreadCount(actor: RequestActor): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({ accountId: actor.id, readAt: IsNull() });
  }

  /** Another account's message answers 404, as if it did not exist. */
  async markRead(actor: RequestActor, id: string): Promise<NotificationView> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    const notification = await repository.findOneBy({ id, accountId: actor.id });
    if (!notification) throw new DomainException(ErrorCode.NotFound, '未找到该消息');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await repository.update({ id, accountId: actor.id, readAt: IsNull() }, { readAt: notification.readAt });
    }
    return toNotificationView(notification);
  }

  async markAllRead(actor: RequestActor): Promise<number> {
    await this.dataSource
      .getRepository(NotificationEntity)
      .update({ accountId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    return this.unreadCount(actor);
  }

  subscribeTemplates(actor: RequestActor): SubscribeTemplates {
    const events = subscribeEventsByRole[actor.role] ?? [];
    const ids = events.map((e) => this.config.wechat.subscribeTemplates[e]).filter((id): id is string => !!id);
    return { templateIds: [...new Set(ids)].slice(0, 3) };
  }
}

function toNotificationView(n: NotificationEntity): NotificationView {
  return { ...recordView(n), event: n.event, title: n.title, body: n.body, link: n.link, read: n.readAt !== null };
}

/**
 * A module's notices with a scheduled scan (passes expiring, applications overdue): the worker runs
 * the scan, and each row it finds due is told in a transaction of its own, once (the notice's key)
 * however often the scan sees it.
 */
@Injectable()
export abstract class ScanningNotices<Row> implements OnModuleInit {
  constructor(
    @Inject(DataSource) protected readonly dataSource: DataSource,
    protected readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.notifications.schedule(async (now) => {
      for (const row of await this.due(now)) {
        await this.dataSource.transaction((manager) => this.notifications.enqueue(manager, this.noticeOf(row, now)));
      }
    });
  }

  /** The rows to tell of at `now`. */
  protected abstract due(now: Date): Promise<Row[]>;

  protected abstract noticeOf(row: Row, now: Date): Notice & { onceKey: string };
}
