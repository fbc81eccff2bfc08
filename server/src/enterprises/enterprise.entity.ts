import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

@Entity('enterprises')
@Index('uq_enterprises_credit_code', ['creditCode'], { unique: true })
@Index('idx_enterprises_district', ['districtCode', 'createdAt'])
@Index('idx_enterprises_name', ['name'])
export class EnterpriseEntity extends BaseRecord {
  @column.creditCode() creditCode: string;
  @column.text(100) name: string;
  @column.text(200) address: string;
  @column.personName('contact_name') contactName: string;
  @column.text(20, 'contact_phone') contactPhone: string;

  /** GB/T 2260 code of the county/district the enterprise is registered in; decides who reviews it. */
  @column.regionCode('district_code') districtCode: string;
  @column.timestamp('verified_at', nullable) verifiedAt: Date | null;

  /** 熔断: no passes are issued to it until this day has passed. */
  @column.day('suspended_until', nullable) suspendedUntil: string | null;
  @column.reason('suspension_reason', nullable) suspensionReason: string | null;
}
