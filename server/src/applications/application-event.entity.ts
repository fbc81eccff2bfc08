import type { ApplicationStatus } from '@pass/shared';
import { Entity, Index } from 'typeorm';
import { ActorRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';
import { References } from '../database/relations.js';
import { ApplicationEntity } from './application.entity.js';

/** One step of an application's status timeline; append-only. */
@Entity('application_events')
@Index('idx_application_events_application', ['applicationId', 'createdAt'])
export class ApplicationEventEntity extends ActorRecord {
  @column.id('application_id') applicationId: string;

  @References(() => ApplicationEntity, 'fk_application_events_application') application?: ApplicationEntity;

  @column.status() action: string;
  @column.status('from_status', nullable) fromStatus: ApplicationStatus | null;
  @column.status('to_status') toStatus: ApplicationStatus;
  /** Officials: where they sat when they took the step, so later levels see which office decided. */
  @column.regionCode('jurisdiction_code', nullable) jurisdictionCode: string | null;
  @column.text(10, 'review_level', nullable) reviewLevel: string | null;
  @column.text(100, 'actor_department', nullable) actorDepartment: string | null;
  /** Addressed to the applicant (approval comment, reason of a return or rejection). */
  @column.reason(nullable) comment: string | null;
  /** For officials only: never in an answer to the applicant. */
  @column.reason('internal_note', nullable) internalNote: string | null;
  /** A return: the fields the official flagged. */
  @column.json('fields_to_fix', nullable) fieldsToFix: string[] | null;
}
