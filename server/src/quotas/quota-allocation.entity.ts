import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';

/** How many passes a jurisdiction may issue in a period, and how many it has. */
@Entity('quota_allocations')
@Index('uq_quota_allocations_jurisdiction_period', ['jurisdictionCode', 'period'], { unique: true })
export class QuotaAllocationEntity extends BaseRecord {
  @column.regionCode('jurisdiction_code') jurisdictionCode: string;

  /** `2022-05` or `2022-W21`. */
  @column.period() period: string;
  @column.int() amount: number;
  @column.int() used: number;
}
