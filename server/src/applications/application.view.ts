import {
  type Actor,
  type ApplicationEventView,
  type ApplicationSnapshot,
  type ApplicationView,
  availableActions,
  type ReviewHistoryEntry,
  type ReviewLevel,
} from '@pass/shared';
import type { ApplicationEntity } from './application.entity.js';
import type { ApplicationEventEntity } from './application-event.entity.js';

export function snapshotOf(app: ApplicationEntity): ApplicationSnapshot {
  return {
    status: app.status,
    enterpriseId: app.enterpriseId,
    reviewSteps: app.reviewSteps,
    reviewLevelIndex: app.reviewLevelIndex,
    approvals: app.approvals,
  };
}

export function toApplicationView(app: ApplicationEntity, viewer: Actor): ApplicationView {
  return {
    id: app.id,
    status: app.status,
    enterpriseId: app.enterpriseId,
    vehicleId: app.vehicleId,
    crewDriverIds: app.crewDriverIds,
    materialCategory: app.materialCategory,
    materialDescription: app.materialDescription,
    quantity: app.quantity,
    quantityUnit: app.quantityUnit,
    consignor: app.consignor,
    consignee: app.consignee,
    originCode: app.originCode,
    destinationCode: app.destinationCode,
    waypointCodes: app.waypointCodes,
    validFrom: app.validFrom,
    validTo: app.validTo,
    attachmentIds: app.attachmentIds,
    reviewSteps: app.reviewSteps,
    reviewLevelIndex: app.reviewLevelIndex,
    lastReason: app.lastReason,
    fieldsToFix: app.fieldsToFix,
    submittedAt: app.submittedAt?.toISOString() ?? null,
    dueAt: app.dueAt?.toISOString() ?? null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    actions: availableActions(snapshotOf(app), viewer),
  };
}

/** A step as the applicant sees it: the internal note is left out, not blanked, so it cannot leak. */
export function toEventView(event: ApplicationEventEntity): ApplicationEventView {
  return {
    id: event.id,
    at: event.createdAt.toISOString(),
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorRole: event.actorRole,
    actorName: event.actorName,
    jurisdictionCode: event.jurisdictionCode,
    reviewLevel: (event.reviewLevel as ReviewLevel | null) ?? null,
    actorDepartment: event.actorDepartment,
    comment: event.comment,
    fieldsToFix: event.fieldsToFix ?? [],
  };
}

/** A step as officials see it, with the internal note. */
export function toHistoryEntry(event: ApplicationEventEntity): ReviewHistoryEntry {
  return { ...toEventView(event), internalNote: event.internalNote };
}
