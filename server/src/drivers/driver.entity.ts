import type { CrewRole } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/**
 * A driver, co-driver or escort of one enterprise. The ID number is kept encrypted; its keyed hash
 * finds duplicates and blacklist hits without decrypting, and its masked form is what lists show.
 */
@Entity('drivers')
@Index('uq_drivers_enterprise_id_number', ['enterpriseId', 'idNumberHash'], { unique: true })
@Index('idx_drivers_id_number_hash', ['idNumberHash'])
export class DriverEntity extends BaseRecord {
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36 })
  enterpriseId: string;

  @References(() => EnterpriseEntity, 'enterprise_id', 'fk_drivers_enterprise')
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'id_number_encrypted', type: 'varchar', length: 120 })
  idNumberEncrypted: string;

  @Column({ name: 'id_number_hash', type: 'varchar', length: 64 })
  idNumberHash: string;

  @Column({ name: 'id_number_masked', type: 'varchar', length: 18 })
  idNumberMasked: string;

  @Column({ type: 'varchar', length: 11 })
  phone: string;

  @Column({ type: 'varchar', length: 16 })
  role: CrewRole;
}
