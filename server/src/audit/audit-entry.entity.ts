import { Entity, Index } from 'typeorm';
import { ActorRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/** One state change or administrative action. Append-only: nothing in the server updates or deletes it. */
@Entity('audit_log')
@Index('idx_audit_log_entity', ['entityType', 'entityId', 'createdAt'])
@Index('idx_audit_log_actor', ['actorId', 'createdAt'])
@Index('idx_audit_log_action', ['action', 'createdAt'])
@Index('idx_audit_log_type', ['entityType', 'createdAt'])
@Index('idx_audit_log_created', ['createdAt'])
export class AuditEntryEntity extends ActorRecord {
  /** e.g. `application.approve`, `pass.revoke`, `quota.allocate`. */
  @column.text(40) action: string;
  @column.text(20, 'entity_type') entityType: string;
  @column.id('entity_id') entityId: string;
  @column.json(nullable) before: Record<string, unknown> | null;
  @column.json(nullable) after: Record<string, unknown> | null;
}
