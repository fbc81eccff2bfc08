import type { PassVerification } from '@pass/shared';

/**
 * Response bodies of the verification API as the server writes them
 * (server/src/verification/verification.service.ts, checkpoints.controller.ts). They belong in
 * shared/src/api/views.ts; until they move there, this package keeps its own copy.
 */

export interface OnlineFacts {
  passId: string;
  enterpriseName: string;
  issuingDepartment: string;
  /** Names and ID numbers masked, enough to compare with the cards. */
  crew: { name: string; idNumber: string; role: string }[];
  materialDescription: string;
  endReason: string | null;
}

export interface OnlineVerification {
  verification: PassVerification;
  facts: OnlineFacts | null;
}

export interface CheckpointView {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  latitude: number;
  longitude: number;
}
