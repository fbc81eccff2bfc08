import type { PlateColour, VehicleType } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

@Entity('vehicles')
@Index('uq_vehicles_enterprise_plate', ['enterpriseId', 'plate', 'plateColour'], { unique: true })
@Index('idx_vehicles_plate', ['plate'])
export class VehicleEntity extends BaseRecord {
  @column.id('enterprise_id') enterpriseId: string;

  @References(() => EnterpriseEntity, 'fk_vehicles_enterprise') enterprise?: EnterpriseEntity;

  /** For an articulated truck, the tractor's plate. */
  @column.plate() plate: string;
  @column.plateColour() plateColour: PlateColour;
  @column.text(32, 'vehicle_type') vehicleType: VehicleType;
  @column.text(40, 'transport_license_number') transportLicenseNumber: string;
  @column.text(17, nullable) vin: string | null;
}
