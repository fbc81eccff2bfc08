import type {
  ApplicationStatus,
  ApplicationView,
  AttachmentView,
  DriverView,
  ErrorCode,
  VehicleView,
} from '@pass/shared';
import type { BlacklistHit } from '../sanctions/sanctions.service.js';

export interface QueueFilter {
  category?: string;
  overdueOnly: boolean;
  whitelistFirst: boolean;
  cursor?: string;
  limit: number;
}

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
  /** Overdue at the step below and shown here so the superior can chase it up. */
  escalated: boolean;
  whitelisted: boolean;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface ReviewCounters {
  waiting: number;
  overdue: number;
  escalated: number;
  /** Passes the official's jurisdiction may still issue this period; null when quotas are off. */
  quotaLeft: number | null;
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
  /** Other passes of the same vehicle still in force. */
  vehicleActivePasses: { passNumber: string; validFrom: string; validTo: string }[];
  blacklistHits: BlacklistHit[];
  overdue: boolean;
  dueAt: string | null;
}

export type BatchApproveResult =
  | { id: string; ok: true; status: ApplicationStatus; passId: string | null }
  | { id: string; ok: false; code: ErrorCode; message: string };
