import type { CrewRole } from '../crew.js';
import type { ErrorCode } from '../error-codes.js';
import type { PassVerification } from '../pass-token/verify.js';
import type { BlacklistKind } from '../schemas/sanctions.js';
import type { ApplicationStatus } from '../workflow/application-state.js';
import type { PassStatus } from '../workflow/pass-state.js';
import type { ApplicationView, AttachmentView, DriverView, VehicleView } from './views.js';

/** Response bodies of the officials' and checkpoints' APIs, shared so both sides read one definition. */

export interface QueueItem {
  id: string;
  status: ApplicationStatus;
  enterpriseName: string;
  plate: string | null;
  plateColour: string | null;
  materialCategory: string;
  validFrom: string;
  validTo: string;
  submittedAt: string;
  dueAt: string | null;
  overdue: boolean;
  /** Overdue at the step below, shown here so the superior can chase it up. */
  escalated: boolean;
  whitelisted: boolean;
}

export interface ReviewCounters {
  waiting: number;
  overdue: number;
  escalated: number;
  /** Passes the jurisdiction may still issue this period; null when quotas are off. */
  quotaLeft: number | null;
}

export interface BlacklistHit {
  kind: BlacklistKind;
  label: string;
  reason: string;
  until: string | null;
}

export interface ReviewDetail {
  application: ApplicationView;
  enterprise: {
    id: string;
    name: string;
    creditCode: string;
    verified: boolean;
    whitelisted: boolean;
    suspendedUntil: string | null;
  };
  vehicle: VehicleView | null;
  crew: DriverView[];
  attachments: AttachmentView[];
  vehicleActivePasses: { passNumber: string; validFrom: string; validTo: string }[];
  blacklistHits: BlacklistHit[];
  overdue: boolean;
  dueAt: string | null;
}

export type BatchApproveResult =
  | { id: string; ok: true; status: ApplicationStatus; passId: string | null }
  | { id: string; ok: false; code: ErrorCode; message: string };

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
  /** Division code of the issuing authority (the pass number's first six digits). */
  issuerCode: string;
  /** The county whose officials reviewed the application first. */
  routingCounty: string;
  issuedAt: string;
  url: string;
  endedAt: string | null;
  endReason: string | null;
}

export interface TraceStop {
  scanId: string;
  scannedAt: string;
  checkpointName: string;
  regionCode: string;
  direction: string;
  /** `passage` or `interception` (the vehicle stopped at the gate, with the officer's reason). */
  kind: string;
  reason: string | null;
  result: string;
  cloneSuspected: boolean;
}

export interface CloneAlertView {
  id: string;
  passId: string;
  passNumber: string;
  plate: string;
  first: { checkpointName: string; scannedAt: string };
  second: { checkpointName: string; scannedAt: string };
  distanceKm: number;
  minutes: number;
  createdAt: string;
}

export interface Statistics {
  from: string;
  to: string;
  issuedPerDay: { date: string; count: number }[];
  issuedPerCategory: { category: string; name: string; count: number }[];
  waiting: number;
  overdue: number;
  /** Off: issuance is not limited, and no allocation is listed (the home then says 不限 too). */
  quotaEnabled: boolean;
  quota: { jurisdictionCode: string; period: string; amount: number; used: number }[];
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface OnlineFacts {
  passId: string;
  enterpriseName: string;
  issuingDepartment: string;
  /** The department's duty phone as the admin keeps it now; null while none is recorded. */
  issuingDepartmentPhone: string | null;
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
  /** Out of service: kept for the scans it recorded, offered to no one. */
  retired: boolean;
}
