import type { ScanDirection, ScanKind, ScanResult } from '@pass/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One scan at a checkpoint. The id comes from the device that scanned (possibly offline), so the same
 * record uploaded twice is stored once.
 */
@Entity('scan_records')
@Index('idx_scan_records_pass', ['passId', 'scannedAt'])
@Index('idx_scan_records_number', ['passNumber', 'scannedAt'])
@Index('idx_scan_records_checkpoint', ['checkpointId', 'scannedAt'])
export class ScanRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'pass_number', type: 'varchar', length: 12 })
  passNumber: string;

  /** Null when the number matches no pass (a forgery carrying an invented number). */
  @Column({ name: 'pass_id', type: 'varchar', length: 36, nullable: true })
  passId: string | null;

  @Column({ name: 'checkpoint_id', type: 'varchar', length: 36 })
  checkpointId: string;

  @Column({ name: 'scanned_at', type: 'datetime', precision: 3 })
  scannedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  result: ScanResult;

  @Column({ type: 'varchar', length: 10 })
  direction: ScanDirection;

  /** A passage, or an interception: the vehicle stopped at the gate. */
  @Column({ type: 'varchar', length: 16, default: 'passage' })
  kind: ScanKind;

  /** Why an interception stopped the vehicle; null for a passage. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 36 })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 })
  uploadedAt: Date;
}
