import type { BlacklistKind } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/**
 * 黑名单. The key identifies the subject across enterprises: a credit code, the keyed hash of an ID
 * number (never the number itself), or a plate.
 */
@Entity('blacklist_entries')
@Index('idx_blacklist_entries_key', ['kind', 'subjectKey'])
export class BlacklistEntryEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 16 })
  kind: BlacklistKind;

  @Column({ name: 'subject_key', type: 'varchar', length: 64 })
  subjectKey: string;

  /** What an official reads: the plate, the credit code, or the masked ID number. */
  @Column({ name: 'subject_label', type: 'varchar', length: 100 })
  subjectLabel: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'lifted_at', type: 'datetime', precision: 3, nullable: true })
  liftedAt: Date | null;
}
