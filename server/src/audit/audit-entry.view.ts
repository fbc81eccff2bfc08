import type { AuditEntryEntity } from './audit-entry.entity.js';

/** One audit log line as the admin's log screen receives it. */
export interface AuditEntryView {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  actorId: string | null;
  actorRole: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const toAuditEntryView = (e: AuditEntryEntity): AuditEntryView => ({
  id: e.id,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  actorId: e.actorId,
  actorRole: e.actorRole,
  actorName: e.actorName,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
});
