import type { NotificationEvent } from '@pass/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

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
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Column({ type: 'varchar', length: 10 })
  channel: DeliveryChannel;

  /** The openid (wechat) or phone number (sms) at the time of the change; null in-app. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 32 })
  event: NotificationEvent;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  /** Scheduled scans: the same change noticed again writes nothing (unique). */
  @Column({ name: 'once_key', type: 'varchar', length: 191, nullable: true })
  onceKey: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: OutboxStatus;

  @Column({ type: 'int' })
  attempts: number;

  /** Not before this; a digest's rows wait for the end of their window. */
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** The claim (one worker's batch) that holds the row until lease_expires_at. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 36, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_expires_at', type: 'datetime', precision: 3, nullable: true })
  leaseExpiresAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
