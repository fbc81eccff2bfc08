import type { ApplicationStatus } from '@pass/shared';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';
import { References } from '../database/relations.js';
import { ApplicationEntity } from './application.entity.js';

/** One step of an application's status timeline; append-only. */
@Entity('application_events')
@Index('idx_application_events_application', ['applicationId', 'createdAt'])
export class ApplicationEventEntity extends BaseRecord {
  @Column({ name: 'application_id', type: 'varchar', length: 36 })
  applicationId: string;

  @References(() => ApplicationEntity, 'application_id', 'fk_application_events_application')
  application?: ApplicationEntity;

  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: ApplicationStatus;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  /** Officials: where they sat when they took the step, so later levels see which office decided. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 6, nullable: true })
  jurisdictionCode: string | null;

  @Column({ name: 'review_level', type: 'varchar', length: 10, nullable: true })
  reviewLevel: string | null;

  @Column({ name: 'actor_department', type: 'varchar', length: 100, nullable: true })
  actorDepartment: string | null;

  /** Addressed to the applicant (approval comment, reason of a return or rejection). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  /** For officials only: never in an answer to the applicant. */
  @Column({ name: 'internal_note', type: 'varchar', length: 500, nullable: true })
  internalNote: string | null;

  /** A return: the fields the official flagged. */
  @Column({ name: 'fields_to_fix', type: 'simple-json', nullable: true })
  fieldsToFix: string[] | null;
}
