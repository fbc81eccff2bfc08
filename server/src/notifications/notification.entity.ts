import type { NotificationEvent } from '@pass/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The in-app message centre: what one account was told, and whether it has read it. */
@Entity('notifications')
@Index('idx_notifications_account', ['accountId', 'createdAt', 'id'])
@Index('idx_notifications_unread', ['accountId', 'readAt'])
export class NotificationEntity {
  /** The outbox row's id (the first row's, for a digest): a delivery repeated cannot insert it twice. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @Column({ type: 'varchar', length: 32 })
  event: NotificationEvent;

  @Column({ type: 'varchar', length: 60 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  body: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true })
  readAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
