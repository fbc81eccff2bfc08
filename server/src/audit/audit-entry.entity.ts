import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../database/base-record.js';

/** One state change or administrative action. Append-only: nothing in the server updates or deletes it. */
@Entity('audit_log')
@Index('idx_audit_log_entity', ['entityType', 'entityId', 'createdAt'])
@Index('idx_audit_log_actor', ['actorId', 'createdAt'])
@Index('idx_audit_log_action', ['action', 'createdAt'])
@Index('idx_audit_log_type', ['entityType', 'createdAt'])
@Index('idx_audit_log_created', ['createdAt'])
export class AuditEntryEntity extends BaseRecord {
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 20 })
  actorRole: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 50, nullable: true })
  actorName: string | null;

  /** e.g. `application.approve`, `pass.revoke`, `quota.allocate`. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 20 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 36 })
  entityId: string;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;
}
