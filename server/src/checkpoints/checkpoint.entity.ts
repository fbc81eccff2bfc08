import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

@Entity('checkpoints')
@Index('uq_checkpoints_code', ['code'], { unique: true })
export class CheckpointEntity extends BaseRecord {
  @column.text(32) code: string;
  @column.text(100) name: string;
  @column.regionCode('region_code') regionCode: string;

  /** WGS-84 position; clone detection compares the distance between scans with the time between them. */
  @column.coordinate() latitude: string;
  @column.coordinate() longitude: string;

  /** Out of service; kept because scans and accounts refer to it. */
  @column.timestamp('retired_at', nullable) retiredAt: Date | null;
}
