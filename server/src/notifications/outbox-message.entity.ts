import { Entity, Index } from 'typeorm';
import { column, nullable } from '../database/columns.js';
import { MessageRecord } from './message.record.js';

export type DeliveryChannel = 'in_app' | 'wechat' | 'sms';
export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'skipped';

/**
 * One message to one account on one channel, written in the transaction of the change it reports
 * (the transactional outbox): a change rolled back leaves no message, a change committed always has
 * one. The worker delivers it later (see outbox.worker.ts).
 */
@Entity('notification_outbox')
@Index('idx_notification_outbox_due', ['status', 'nextAttemptAt'])
@Index('uq_notification_outbox_once', ['onceKey'], { unique: true })
export class OutboxMessageEntity extends MessageRecord {
  @column.text(10) channel: DeliveryChannel;

  /** The openid (wechat) or phone number (sms) at the time of the change; null in-app. */
  @column.text(64, nullable) address: string | null;

  /** Scheduled scans: the same change noticed again writes nothing (unique). */
  @column.text(191, 'once_key', nullable) onceKey: string | null;

  @column.text(10) status: OutboxStatus;
  @column.int() attempts: number;

  /** Not before this; a digest's rows wait for the end of their window. */
  @column.timestamp('next_attempt_at') nextAttemptAt: Date;

  /** The claim (one worker's batch) that holds the row until lease_expires_at. */
  @column.id('lease_owner', nullable) leaseOwner: string | null;
  @column.timestamp('lease_expires_at', nullable) leaseExpiresAt: Date | null;
  @column.text(300, 'last_error', nullable) lastError: string | null;
  @column.timestamp('delivered_at', nullable) deliveredAt: Date | null;
}
