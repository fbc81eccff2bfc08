import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/**
 * 白名单: key enterprises a province publishes in batches. Keyed by credit code, because a listed
 * enterprise may not have registered yet; removal keeps the row so the history stays readable.
 */
@Entity('whitelist_entries')
@Index('uq_whitelist_entries_credit_code', ['creditCode'], { unique: true })
export class WhitelistEntryEntity extends BaseRecord {
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ name: 'enterprise_name', type: 'varchar', length: 100 })
  enterpriseName: string;

  @Column({ type: 'varchar', length: 50 })
  batch: string;

  @Column({ name: 'removed_at', type: 'datetime', precision: 3, nullable: true })
  removedAt: Date | null;
}
