import type { CrewRole, PassStatus, PlateColour } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { ApplicationEntity } from '../applications/application.entity.js';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';
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
@Index('idx_passes_enterprise_routing', ['enterpriseId', 'routingCounty', 'issuedAt'])
@Index('idx_passes_enterprise_issuer', ['enterpriseId', 'issuerCode', 'issuedAt'])
@Index('idx_passes_plate', ['plate', 'plateColour', 'status'])
@Index('idx_passes_status', ['status', 'statusIndex'])
@Index('idx_passes_issuer', ['issuerCode', 'issuedAt'])
@Index('idx_passes_routing', ['routingCounty', 'issuedAt'])
@Index('idx_passes_issued', ['issuedAt'])
export class PassEntity extends BaseRecord {
  /** 证件编号: issuer division code + 6-digit serial. */
  @column.passNumber() passNumber: string;
  @column.regionCode('issuer_code') issuerCode: string;

  /** The county whose authorities reviewed it first; with the issuer, who may see the pass. */
  @column.regionCode('routing_county') routingCounty: string;

  /** This pass's position in the revocation status list. */
  @column.int('status_index') statusIndex: number;
  @column.id('application_id') applicationId: string;

  @References(() => ApplicationEntity, 'fk_passes_application') application?: ApplicationEntity;

  @column.id('enterprise_id') enterpriseId: string;

  @References(() => EnterpriseEntity, 'fk_passes_enterprise') enterprise?: EnterpriseEntity;

  @column.text(100, 'enterprise_name') enterpriseName: string;
  @column.id('vehicle_id') vehicleId: string;
  @column.plate() plate: string;
  @column.plateColour() plateColour: PlateColour;
  @column.text(32, 'vehicle_type') vehicleType: string;
  @column.json() crew: PassCrewMember[];
  @column.text(32, 'material_category') materialCategory: string;
  @column.text(200, 'material_description') materialDescription: string;
  @column.regionCode('origin_code') originCode: string;
  @column.regionCode('destination_code') destinationCode: string;
  @column.json('waypoint_codes') waypointCodes: string[];
  @column.day('valid_from') validFrom: string;
  @column.day('valid_to') validTo: string;

  /** 核发单位, e.g. 南京市工业和信息化局. */
  @column.text(100, 'issuing_department') issuingDepartment: string;
  @column.timestamp('issued_at') issuedAt: Date;
  @column.id('issued_by') issuedBy: string;

  /** The signed token as the decimal digits its QR URL carries. */
  @column.longText('token_digits') tokenDigits: string;

  @column.text(32, 'token_kid') tokenKid: string;
  @column.status() status: PassStatus;
  @column.timestamp('ended_at', nullable) endedAt: Date | null;
  @column.reason('end_reason', nullable) endReason: string | null;
  @column.id('superseded_by', nullable) supersededBy: string | null;

  /** The allocation this pass consumed, so a revocation before it starts can give it back. */
  @column.regionCode('quota_jurisdiction', nullable) quotaJurisdiction: string | null;
  @column.period('quota_period', nullable) quotaPeriod: string | null;
}
