import type { BlacklistKind } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/**
 * 黑名单. The key identifies the subject across enterprises: a credit code, the keyed hash of an ID
 * number (never the number itself), or a plate.
 */
@Entity('blacklist_entries')
@Index('idx_blacklist_entries_key', ['kind', 'subjectKey'])
export class BlacklistEntryEntity extends BaseRecord {
  @column.status() kind: BlacklistKind;
  @column.digest('subject_key') subjectKey: string;

  /** What an official reads: the plate, the credit code, or the masked ID number. */
  @column.text(100, 'subject_label') subjectLabel: string;
  @column.reason() reason: string;
  @column.day(nullable) until: string | null;
  @column.id('created_by') createdBy: string;
  @column.timestamp('lifted_at', nullable) liftedAt: Date | null;
}
