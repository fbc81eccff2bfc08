import type { PlateColour, VehicleType } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

@Entity('vehicles')
@Index('uq_vehicles_enterprise_plate', ['enterpriseId', 'plate', 'plateColour'], { unique: true })
@Index('idx_vehicles_plate', ['plate'])
export class VehicleEntity extends BaseRecord {
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36 })
  enterpriseId: string;

  @References(() => EnterpriseEntity, 'enterprise_id', 'fk_vehicles_enterprise')
  enterprise?: EnterpriseEntity;

  /** Normalised (no spaces or dots); for an articulated truck, the tractor's plate. */
  @Column({ type: 'varchar', length: 12 })
  plate: string;

  @Column({ name: 'plate_colour', type: 'varchar', length: 16 })
  plateColour: PlateColour;

  @Column({ name: 'vehicle_type', type: 'varchar', length: 32 })
  vehicleType: VehicleType;

  @Column({ name: 'transport_license_number', type: 'varchar', length: 40 })
  transportLicenseNumber: string;

  @Column({ type: 'varchar', length: 17, nullable: true })
  vin: string | null;
}
