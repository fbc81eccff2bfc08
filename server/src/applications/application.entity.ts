import type { ApplicationStatus, Approval, Party, QuantityUnit, ReviewStep } from '@pass/shared';
import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';
import { VehicleEntity } from '../vehicles/vehicle.entity.js';

const decimalToNumber = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * An application for a pass. Drafts may be incomplete, so the content columns are nullable; the full
 * rule set is checked on submission. Lists (crew, waypoints, attachments) are JSON: they are read and
 * written with their application, never queried alone.
 */
@Entity('applications')
@Index('uq_applications_client_request', ['enterpriseId', 'clientRequestId'], { unique: true })
@Index('idx_applications_enterprise', ['enterpriseId', 'createdAt'])
@Index('idx_applications_vehicle', ['vehicleId'])
@Index('idx_applications_status', ['status', 'submittedAt'])
@Index('idx_applications_queue_whitelist', ['currentJurisdiction', 'currentLevel', 'whitelisted', 'submittedAt'])
@Index('idx_applications_overdue', ['currentJurisdiction', 'currentLevel', 'dueAt'])
@Index('idx_applications_waiting', ['currentLevel', 'dueAt'])
@Index('idx_applications_queue_category', [
  'materialCategory',
  'currentJurisdiction',
  'currentLevel',
  'whitelisted',
  'submittedAt',
])
@Index('idx_applications_escalation_whitelist', [
  'escalationJurisdiction',
  'escalationLevel',
  'whitelisted',
  'submittedAt',
])
@Index('idx_applications_escalation_category', [
  'materialCategory',
  'escalationJurisdiction',
  'escalationLevel',
  'whitelisted',
  'submittedAt',
])
@Index('idx_applications_escalation_due', ['escalationJurisdiction', 'escalationLevel', 'dueAt'])
export class ApplicationEntity extends BaseRecord {
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36 })
  enterpriseId: string;

  @References(() => EnterpriseEntity, 'enterprise_id', 'fk_applications_enterprise')
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  /** The client's Idempotency-Key of the request that created it: a double tap creates one application. */
  @Column({ name: 'client_request_id', type: 'varchar', length: 64, nullable: true })
  clientRequestId: string | null;

  @Column({ name: 'vehicle_id', type: 'varchar', length: 36, nullable: true })
  vehicleId: string | null;

  @References(() => VehicleEntity, 'vehicle_id', 'fk_applications_vehicle', { nullable: true })
  vehicle?: VehicleEntity | null;

  @Column({ name: 'crew_driver_ids', type: 'simple-json' })
  crewDriverIds: string[];

  @Column({ name: 'material_category', type: 'varchar', length: 32, nullable: true })
  materialCategory: string | null;

  @Column({ name: 'material_description', type: 'varchar', length: 200, nullable: true })
  materialDescription: string | null;

  @Column({ type: 'decimal', precision: 14, scale: 3, nullable: true, transformer: decimalToNumber })
  quantity: number | null;

  @Column({ name: 'quantity_unit', type: 'varchar', length: 16, nullable: true })
  quantityUnit: QuantityUnit | null;

  @Column({ type: 'simple-json', nullable: true })
  consignor: Party | null;

  @Column({ type: 'simple-json', nullable: true })
  consignee: Party | null;

  @Column({ name: 'origin_code', type: 'varchar', length: 6, nullable: true })
  originCode: string | null;

  @Column({ name: 'destination_code', type: 'varchar', length: 6, nullable: true })
  destinationCode: string | null;

  @Column({ name: 'waypoint_codes', type: 'simple-json' })
  waypointCodes: string[];

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'attachment_ids', type: 'simple-json' })
  attachmentIds: string[];

  /** Resolved on submission from the province's approval chain and routing rule. */
  @Column({ name: 'review_steps', type: 'simple-json' })
  reviewSteps: ReviewStep[];

  @Column({ name: 'review_level_index', type: 'int' })
  reviewLevelIndex: number;

  @Column({ type: 'simple-json' })
  approvals: Approval[];

  @Column({ name: 'last_reason', type: 'varchar', length: 500, nullable: true })
  lastReason: string | null;

  @Column({ name: 'fields_to_fix', type: 'simple-json' })
  fieldsToFix: string[];

  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true })
  submittedAt: Date | null;

  /** Who must act now (null unless awaiting a decision): kept beside `reviewSteps` for the queue's index. */
  @Column({ name: 'current_level', type: 'varchar', length: 10, nullable: true })
  currentLevel: string | null;

  @Column({ name: 'current_jurisdiction', type: 'varchar', length: 6, nullable: true })
  currentJurisdiction: string | null;

  /** The next step up, whose queue shows this application once it is overdue. */
  @Column({ name: 'escalation_level', type: 'varchar', length: 10, nullable: true })
  escalationLevel: string | null;

  @Column({ name: 'escalation_jurisdiction', type: 'varchar', length: 6, nullable: true })
  escalationJurisdiction: string | null;

  /** 办理时限: the province's deadline in working days from when it reached the current step. */
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true })
  dueAt: Date | null;

  /** The enterprise was on the whitelist when it submitted: its applications are reviewed first. */
  @Column({ type: 'boolean', default: false })
  whitelisted: boolean;

  /** Optimistic lock: two officials deciding at once cannot both win. */
  @VersionColumn()
  version: number;
}
