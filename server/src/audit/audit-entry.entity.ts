import { Entity, Index } from 'typeorm';
import { ActorRecord } from '../database/base-record.js';
import { column, nullable } from '../database/columns.js';

/**
 * The log is read newest first, under one filter at a time (the admin's log screen, keyset on the time):
 * an index per filter, each ending in `created_at`.
 */
const newestFirst = (name: string, ...filter: string[]) => Index(name, [...filter, 'createdAt']);

/** One state change or administrative action. Append-only: nothing in the server updates or deletes it. */
@Entity('audit_log')
@newestFirst('idx_audit_log_entity', 'entityType', 'entityId')
@newestFirst('idx_audit_log_actor', 'actorId')
@newestFirst('idx_audit_log_action', 'action')
@newestFirst('idx_audit_log_type', 'entityType')
@newestFirst('idx_audit_log_created')
export class AuditEntryEntity extends ActorRecord {
  /** e.g. `application.approve`, `pass.revoke`, `quota.allocate`. */
  @column.text(40) action: string;
  @column.text(20, 'entity_type') entityType: string;
  @column.id('entity_id') entityId: string;
  @column.json(nullable) before: Record<string, unknown> | null;
  @column.json(nullable) after: Record<string, unknown> | null;
}
