import { Entity, Index } from 'typeorm';
import { column, nullable } from '../database/columns.js';
import { MessageRecord } from './message.record.js';

/**
 * The in-app message centre: what one account was told, and whether it has read it. The id is the
 * outbox row's (the first row's, for a digest): a delivery repeated cannot insert it twice.
 */
@Entity('notifications')
@Index('idx_notifications_account', ['accountId', 'createdAt', 'id'])
@Index('idx_notifications_unread', ['accountId', 'readAt'])
export class NotificationEntity extends MessageRecord {
  @column.timestamp('read_at', nullable) readAt: Date | null;
}
