import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/** How many passes a jurisdiction may issue in a period, and how many it has. */
@Entity('quota_allocations')
@Index('uq_quota_allocations_jurisdiction_period', ['jurisdictionCode', 'period'], { unique: true })
export class QuotaAllocationEntity extends BaseRecord {
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 6 })
  jurisdictionCode: string;

  /** `2022-05` or `2022-W21`. */
  @Column({ type: 'varchar', length: 8 })
  period: string;

  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'int' })
  used: number;
}
