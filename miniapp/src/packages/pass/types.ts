import type { CrewRole, PassStatus } from '@pass/shared';

/**
 * A pass as the server writes it (server/src/passes/pass.view.ts). It belongs in
 * shared/src/api/views.ts; until it moves there, this package keeps its own copy.
 */
export interface PassView {
  id: string;
  passNumber: string;
  status: PassStatus;
  applicationId: string;
  enterpriseId: string;
  enterpriseName: string;
  plate: string;
  plateColour: string;
  vehicleType: string;
  crew: { name: string; idNumberMasked: string; role: CrewRole }[];
  materialCategory: string;
  materialDescription: string;
  originCode: string;
  destinationCode: string;
  waypointCodes: string[];
  validFrom: string;
  validTo: string;
  issuingDepartment: string;
  issuedAt: string;
  /** What the QR code holds. */
  url: string;
  endedAt: string | null;
  endReason: string | null;
}
