import type { CrewRole } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column } from '../database/columns.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/**
 * A driver, co-driver or escort of one enterprise. The ID number is kept encrypted; its keyed hash
 * finds duplicates and blacklist hits without decrypting, and its masked form is what lists show.
 */
@Entity('drivers')
@Index('uq_drivers_enterprise_id_number', ['enterpriseId', 'idNumberHash'], { unique: true })
@Index('idx_drivers_id_number_hash', ['idNumberHash'])
@Index('idx_drivers_phone', ['phone'])
export class DriverEntity extends BaseRecord {
  @column.id('enterprise_id') enterpriseId: string;

  @References(() => EnterpriseEntity, 'fk_drivers_enterprise') enterprise?: EnterpriseEntity;

  @column.personName() name: string;
  @column.text(120, 'id_number_encrypted') idNumberEncrypted: string;
  @column.digest('id_number_hash') idNumberHash: string;
  @column.text(18, 'id_number_masked') idNumberMasked: string;
  @column.phone() phone: string;
  @column.status() role: CrewRole;
}
