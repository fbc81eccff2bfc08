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
  @column.reason(nullable) comment: string | null;
}
