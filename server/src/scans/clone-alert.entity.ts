import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/**
 * Two scans of one pass farther apart than a truck could drive in the time between them: two trucks
 * carry copies of the same pass. One alert per pair, however often the scans are uploaded.
 */
@Entity('clone_alerts')
@Index('uq_clone_alerts_scans', ['firstScanId', 'secondScanId'], { unique: true })
@Index('idx_clone_alerts_pass', ['passId', 'createdAt'])
@Index('idx_clone_alerts_open', ['resolvedAt', 'createdAt'])
export class CloneAlertEntity extends BaseRecord {
  @Column({ name: 'pass_id', type: 'varchar', length: 36 })
  passId: string;

  @Column({ name: 'first_scan_id', type: 'varchar', length: 36 })
  firstScanId: string;

  @Column({ name: 'second_scan_id', type: 'varchar', length: 36 })
  secondScanId: string;

  @Column({ name: 'distance_km', type: 'int' })
  distanceKm: number;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;
}
