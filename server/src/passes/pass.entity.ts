import type { CrewRole, PassStatus, PlateColour } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity.js';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';

/** A person on the pass as issued; the registry entry may change later, the pass does not. */
export interface PassCrewMember {
  name: string;
  idNumberMasked: string;
  role: CrewRole;
}

/**
 * An issued pass: a snapshot of what was approved, its number and its signed token. Expiry is by date
 * (`status` stays `active`); revocation and supersession are written here.
 */
@Entity('passes')
@Index('uq_passes_number', ['passNumber'], { unique: true })
@Index('uq_passes_status_index', ['statusIndex'], { unique: true })
@Index('uq_passes_application', ['applicationId'], { unique: true })
@Index('idx_passes_enterprise', ['enterpriseId', 'issuedAt'])
@Index('idx_passes_plate', ['plate', 'plateColour', 'status'])
@Index('idx_passes_status', ['status', 'statusIndex'])
@Index('idx_passes_issuer', ['issuerCode', 'issuedAt'])
@Index('idx_passes_routing', ['routingCounty', 'issuedAt'])
@Index('idx_passes_issued', ['issuedAt'])
export class PassEntity extends BaseRecord {
  /** 证件编号: issuer division code + 6-digit serial. */
  @Column({ name: 'pass_number', type: 'varchar', length: 12 })
  passNumber: string;

  @Column({ name: 'issuer_code', type: 'varchar', length: 6 })
  issuerCode: string;

  /** The county whose authorities reviewed it first; with the issuer, who may see the pass. */
  @Column({ name: 'routing_county', type: 'varchar', length: 6 })
  routingCounty: string;

  /** This pass's position in the revocation status list. */
  @Column({ name: 'status_index', type: 'int' })
  statusIndex: number;

  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @References(() => ApplicationEntity, 'application_id', 'fk_passes_application')
  application?: ApplicationEntity;

  @Column({ name: 'enterprise_id', type: 'varchar', length: 36 })
  enterpriseId: string;

  @References(() => EnterpriseEntity, 'enterprise_id', 'fk_passes_enterprise')
  enterprise?: EnterpriseEntity;

  @Column({ name: 'enterprise_name', type: 'varchar', length: 100 })
  enterpriseName: string;

  @Column({ name: 'vehicle_id', type: 'varchar', length: 36 })
  vehicleId: string;

  @Column({ type: 'varchar', length: 12 })
  plate: string;

  @Column({ name: 'plate_colour', type: 'varchar', length: 16 })
  plateColour: PlateColour;

  @Column({ name: 'vehicle_type', type: 'varchar', length: 32 })
  vehicleType: string;

  @Column({ type: 'simple-json' })
  crew: PassCrewMember[];

  @Column({ name: 'material_category', type: 'varchar', length: 32 })
  materialCategory: string;

  @Column({ name: 'material_description', type: 'varchar', length: 200 })
  materialDescription: string;

  @Column({ name: 'origin_code', type: 'varchar', length: 6 })
  originCode: string;

  @Column({ name: 'destination_code', type: 'varchar', length: 6 })
  destinationCode: string;

  @Column({ name: 'waypoint_codes', type: 'simple-json' })
  waypointCodes: string[];

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo: string;

  /** 核发单位, e.g. 南京市工业和信息化局. */
  @Column({ name: 'issuing_department', type: 'varchar', length: 100 })
  issuingDepartment: string;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'issued_by', type: 'varchar', length: 36 })
  issuedBy: string;

  /** The signed token as the decimal digits its QR URL carries. */
  @Column({ name: 'token_digits', type: 'text' })
  tokenDigits: string;

  @Column({ name: 'token_kid', type: 'varchar', length: 32 })
  tokenKid: string;

  @Column({ type: 'varchar', length: 16 })
  status: PassStatus;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 500, nullable: true })
  endReason: string | null;

  @Column({ name: 'superseded_by', type: 'varchar', length: 36, nullable: true })
  supersededBy: string | null;

  /** The allocation this pass consumed, so a revocation before it starts can give it back. */
  @Column({ name: 'quota_jurisdiction', type: 'varchar', length: 6, nullable: true })
  quotaJurisdiction: string | null;

  @Column({ name: 'quota_period', type: 'varchar', length: 8, nullable: true })
  quotaPeriod: string | null;
}
