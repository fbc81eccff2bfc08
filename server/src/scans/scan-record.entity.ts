import type { ScanDirection, ScanKind, ScanResult } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { column, nullable } from '../database/columns.js';

/**
 * One scan at a checkpoint. The id comes from the device that scanned (possibly offline), so the same
 * record uploaded twice is stored once.
 */
@Entity('scan_records')
@Index('idx_scan_records_pass', ['passId', 'scannedAt'])
@Index('idx_scan_records_number', ['passNumber', 'scannedAt'])
@Index('idx_scan_records_checkpoint', ['checkpointId', 'scannedAt'])
export class ScanRecordEntity {
  @column.primaryId() id: string;
  @column.passNumber() passNumber: string;

  /** Null when the number matches no pass (a forgery carrying an invented number). */
  @column.id('pass_id', nullable) passId: string | null;
  @column.id('checkpoint_id') checkpointId: string;
  @column.timestamp('scanned_at') scannedAt: Date;
  @column.status() result: ScanResult;
  @column.text(10) direction: ScanDirection;

  /** A passage, or an interception: the vehicle stopped at the gate. */
  @column.status({ default: 'passage' }) kind: ScanKind;

  /** Why an interception stopped the vehicle; null for a passage. */
  @column.text(200, nullable) reason: string | null;
  @column.id('uploaded_by') uploadedBy: string;
  @column.timestamp('uploaded_at') uploadedAt: Date;
}
