import type { NotificationEvent } from '@pass/shared';
import { column, nullable } from '../database/columns.js';

/**
 * What a message says and to whom: an outbox row holds it until delivery, and the message centre's row
 * it becomes holds it alike (with the outbox row's id).
 */
export abstract class MessageRecord {
  @column.primaryId() id: string;
  @column.id('account_id') accountId: string;
  @column.text(32) event: NotificationEvent;
  @column.text(60) title: string;
  @column.text(300) body: string;
  @column.text(200, nullable) link: string | null;
  @column.timestamp('created_at') createdAt: Date;
}
