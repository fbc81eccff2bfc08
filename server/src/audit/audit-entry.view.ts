import type { AuditEntryView } from '@pass/shared';
import type { AuditEntryEntity } from './audit-entry.entity.js';

/** One audit log line as the admin's log screen receives it. */
export const toAuditEntryView = (e: AuditEntryEntity): AuditEntryView => ({
  id: e.id,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
  actorId: e.actorId,
  actorRole: e.actorRole,
  actorName: e.actorName,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  before: e.before,
  after: e.after,
});
