import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/** `source_region` of this province's own entries. */
export const ownSource = '';

/**
 * 白名单: key enterprises a province publishes in batches. Keyed by credit code, because a listed
 * enterprise may not have registered yet; removal keeps the row so the history stays readable.
 * Entries of another province's recognised whitelist (白名单互认) carry its region in `sourceRegion`
 * and are replaced whole by each import of that list.
 */
@Entity('whitelist_entries')
@Index('uq_whitelist_entries_credit_code', ['creditCode', 'sourceRegion'], { unique: true })
@Index('idx_whitelist_entries_source', ['sourceRegion'])
export class WhitelistEntryEntity extends BaseRecord {
  @column.creditCode() creditCode: string;
  @column.text(100, 'enterprise_name') enterpriseName: string;
  @column.text(50) batch: string;
  @column.timestamp('removed_at', nullable) removedAt: Date | null;
  /** '' for this province's own list, else the region of the issuer whose list is recognised. */
  @column.regionCode('source_region', { default: ownSource }) sourceRegion: string;
}
