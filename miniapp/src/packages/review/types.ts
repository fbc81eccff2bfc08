import type {
  ApplicationStatus,
  ApplicationView,
  AttachmentView,
  BlacklistKind,
  CrewRole,
  DriverView,
  ErrorCode,
  PassStatus,
  VehicleView,
} from '@pass/shared';

/**
 * The review API's response bodies as the server writes them (server/src/reviews/review.views.ts,
 * passes/pass.view.ts, scans/scans.service.ts, stats/stats.service.ts). They belong in
 * shared/src/api/views.ts; until they move there, this package keeps its own copy.
 */

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
  quota: { jurisdictionCode: string; period: string; amount: number; used: number }[];
}
