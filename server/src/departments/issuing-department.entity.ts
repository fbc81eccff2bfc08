import { Entity, PrimaryColumn } from 'typeorm';
import { column } from '../database/columns.js';

/**
 * The department that issues the passes of one jurisdiction (核发单位), with the duty phone a
 * checkpoint or a driver calls about a pass. One per jurisdiction code: passes are numbered by the
 * issuing jurisdiction, so the number alone finds whom to call, also offline via the trust list.
 */
@Entity('issuing_departments')
export class IssuingDepartmentEntity {
  /** GB/T 2260 code of the jurisdiction (province, city or county). */
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  /** 南京市工业和信息化局 */
  @column.text(100) name: string;
  @column.text(30, 'duty_phone') dutyPhone: string;
  @column.timestamp('updated_at') updatedAt: Date;
}
