import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

@Entity('enterprises')
@Index('uq_enterprises_credit_code', ['creditCode'], { unique: true })
@Index('idx_enterprises_district', ['districtCode', 'createdAt'])
export class EnterpriseEntity extends BaseRecord {
  /** 统一社会信用代码 (GB 32100). */
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 50 })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20 })
  contactPhone: string;

  /** GB/T 2260 code of the county/district the enterprise is registered in; decides who reviews it. */
  @Column({ name: 'district_code', type: 'varchar', length: 6 })
  districtCode: string;

  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true })
  verifiedAt: Date | null;

  /** 熔断: no passes are issued to it until this day has passed. */
  @Column({ name: 'suspended_until', type: 'date', nullable: true })
  suspendedUntil: string | null;

  @Column({ name: 'suspension_reason', type: 'varchar', length: 500, nullable: true })
  suspensionReason: string | null;
}
