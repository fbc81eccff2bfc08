import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

@Entity('checkpoints')
@Index('uq_checkpoints_code', ['code'], { unique: true })
export class CheckpointEntity extends BaseRecord {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** WGS-84 position; clone detection compares the distance between scans with the time between them. */
  @Column({ type: 'decimal', precision: 9, scale: 6 })
  latitude: string;

  @Column({ type: 'decimal', precision: 9, scale: 6 })
  longitude: string;

  /** Out of service; kept because scans and accounts refer to it. */
  @Column({ name: 'retired_at', type: 'datetime', precision: 3, nullable: true })
  retiredAt: Date | null;
}
