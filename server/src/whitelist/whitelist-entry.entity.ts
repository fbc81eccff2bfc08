import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/**
 * 白名单: key enterprises a province publishes in batches. Keyed by credit code, because a listed
 * enterprise may not have registered yet; removal keeps the row so the history stays readable.
 */
@Entity('whitelist_entries')
@Index('uq_whitelist_entries_credit_code', ['creditCode'], { unique: true })
export class WhitelistEntryEntity extends BaseRecord {
  @column.creditCode() creditCode: string;
  @column.text(100, 'enterprise_name') enterpriseName: string;
  @column.text(50) batch: string;
  @column.timestamp('removed_at', nullable) removedAt: Date | null;
}
