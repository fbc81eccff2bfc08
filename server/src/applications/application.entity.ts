import type { ApplicationStatus, Approval, Party, QuantityUnit, ReviewStep } from '@pass/shared';
import { Entity, Index, VersionColumn } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';
import { References } from '../database/relations.js';
import { EnterpriseEntity } from '../enterprises/enterprise.entity.js';
import { VehicleEntity } from '../vehicles/vehicle.entity.js';

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
@Index('idx_applications_whitelist_source', ['whitelistSource'])
@Index('idx_applications_queue_enterprise', [
  'currentJurisdiction',
  'currentLevel',
  'enterpriseId',
  'whitelisted',
  'submittedAt',
])
@Index('idx_applications_escalation_enterprise', [
  'escalationJurisdiction',
  'escalationLevel',
  'enterpriseId',
  'whitelisted',
  'submittedAt',
])
@Index('idx_applications_queue_vehicle', [
  'currentJurisdiction',
  'currentLevel',
  'vehicleId',
  'whitelisted',
  'submittedAt',
])
@Index('idx_applications_escalation_vehicle', [
  'escalationJurisdiction',
  'escalationLevel',
  'vehicleId',
  'whitelisted',
  'submittedAt',
])
export class ApplicationEntity extends BaseRecord {
  @column.id('enterprise_id') enterpriseId: string;

  @References(() => EnterpriseEntity, 'fk_applications_enterprise') enterprise?: EnterpriseEntity;

  @column.status() status: ApplicationStatus;

  /** The client's Idempotency-Key of the request that created it: a double tap creates one application. */
  @column.text(64, 'client_request_id', nullable) clientRequestId: string | null;

  @column.id('vehicle_id', nullable) vehicleId: string | null;

  @References(() => VehicleEntity, 'fk_applications_vehicle', nullable) vehicle?: VehicleEntity | null;

  @column.json('crew_driver_ids') crewDriverIds: string[];
  @column.text(32, 'material_category', nullable) materialCategory: string | null;
  @column.text(200, 'material_description', nullable) materialDescription: string | null;

  @column.quantity(nullable) quantity: number | null;

  @column.status('quantity_unit', nullable) quantityUnit: QuantityUnit | null;
  @column.json(nullable) consignor: Party | null;
  @column.json(nullable) consignee: Party | null;
  @column.regionCode('origin_code', nullable) originCode: string | null;
  @column.regionCode('destination_code', nullable) destinationCode: string | null;
  @column.json('waypoint_codes') waypointCodes: string[];
  @column.day('valid_from', nullable) validFrom: string | null;
  @column.day('valid_to', nullable) validTo: string | null;
  @column.json('attachment_ids') attachmentIds: string[];

  /**
   * The vehicle's and crew's documents (attachment ids) as of the last submission: a later replacement
   * does not rewrite what officials reviewed. Null before the first submission and for applications
   * submitted before documents were held.
   */
  @column.json('held_document_ids', nullable) heldDocumentIds: string[] | null;

  /** Resolved on submission from the province's approval chain and routing rule. */
  @column.json('review_steps') reviewSteps: ReviewStep[];
  @column.int('review_level_index') reviewLevelIndex: number;
  @column.json() approvals: Approval[];
  @column.reason('last_reason', nullable) lastReason: string | null;
  @column.json('fields_to_fix') fieldsToFix: string[];
  @column.timestamp('submitted_at', nullable) submittedAt: Date | null;

  /** Who must act now (null unless awaiting a decision): kept beside `reviewSteps` for the queue's index. */
  @column.text(10, 'current_level', nullable) currentLevel: string | null;
  @column.regionCode('current_jurisdiction', nullable) currentJurisdiction: string | null;

  /** The next step up, whose queue shows this application once it is overdue. */
  @column.text(10, 'escalation_level', nullable) escalationLevel: string | null;
  @column.regionCode('escalation_jurisdiction', nullable) escalationJurisdiction: string | null;

  /** 办理时限: the province's deadline in working days from when it reached the current step. */
  @column.timestamp('due_at', nullable) dueAt: Date | null;

  /** The enterprise was on the whitelist when it submitted: its applications are reviewed first. */
  @column.flag() whitelisted: boolean;

  /**
   * Region of the other province whose recognised whitelist gave the priority (白名单互认); null for
   * this province's own list. Suspending or removing that issuer ends the priority of those waiting.
   */
  @column.regionCode('whitelist_source', nullable) whitelistSource: string | null;

  /** Optimistic lock: two officials deciding at once cannot both win. */
  @VersionColumn()
  version: number;
}
