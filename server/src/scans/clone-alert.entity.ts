import type { CloneAlertResolution } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/**
 * Two scans of one pass farther apart than a truck could drive in the time between them: two trucks
 * carry copies of the same pass. One alert per pair, however often the scans are uploaded.
 */
@Entity('clone_alerts')
@Index('uq_clone_alerts_scans', ['firstScanId', 'secondScanId'], { unique: true })
@Index('idx_clone_alerts_pass', ['passId', 'createdAt'])
@Index('idx_clone_alerts_open', ['resolvedAt', 'createdAt'])
export class CloneAlertEntity extends BaseRecord {
  @column.id('pass_id') passId: string;
  @column.id('first_scan_id') firstScanId: string;
  @column.id('second_scan_id') secondScanId: string;
  @column.int('distance_km') distanceKm: number;
  @column.int() minutes: number;
  @column.timestamp('resolved_at', nullable) resolvedAt: Date | null;
  /** `handled` (acted on, e.g. the pass revoked) or `dismissed` (a false alarm); null while open. */
  @column.status(nullable) resolution: CloneAlertResolution | null;
  @column.reason('resolution_note', nullable) resolutionNote: string | null;
  @column.id('resolved_by', nullable) resolvedBy: string | null;
}
