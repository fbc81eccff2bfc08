import type { PassStatus, PassView } from '@pass/shared';
import { chinaToday } from '@pass/shared';
import type { PassEntity } from './pass.entity.js';

/** `expired` is not stored: a pass expires by its date. */
export function effectiveStatus(pass: PassEntity, today = chinaToday()): PassStatus {
  return pass.status === 'active' && pass.validTo < today ? 'expired' : pass.status;
}

export function toPassView(pass: PassEntity, url: string): PassView {
  return {
    id: pass.id,
    passNumber: pass.passNumber,
    status: effectiveStatus(pass),
    applicationId: pass.applicationId,
    enterpriseId: pass.enterpriseId,
    enterpriseName: pass.enterpriseName,
    plate: pass.plate,
    plateColour: pass.plateColour,
    vehicleType: pass.vehicleType,
    crew: pass.crew,
    materialCategory: pass.materialCategory,
    materialDescription: pass.materialDescription,
    originCode: pass.originCode,
    destinationCode: pass.destinationCode,
    waypointCodes: pass.waypointCodes,
    validFrom: pass.validFrom,
    validTo: pass.validTo,
    issuingDepartment: pass.issuingDepartment,
    issuerCode: pass.issuerCode,
    routingCounty: pass.routingCounty,
    issuedAt: pass.issuedAt.toISOString(),
    url,
    endedAt: pass.endedAt?.toISOString() ?? null,
    endReason: pass.endReason,
  };
}
