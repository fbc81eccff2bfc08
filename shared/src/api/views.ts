import type { AttachmentKind } from '../attachments.js';
import type { CrewRole } from '../crew.js';
import type { QuantityUnit } from '../materials.js';
import type { Role } from '../roles.js';
import type { Party } from '../schemas/application.js';
import type { PlateColour } from '../validation/plate.js';
import type { VehicleType } from '../vehicle-types.js';
import type { ApplicationAction, ApplicationStatus } from '../workflow/application-state.js';
import type { ReviewStep } from '../workflow/routing.js';

/** The API's response bodies, shared so the mini-program reads exactly what the server writes. */

export interface AccountView {
  id: string;
  role: Role;
  name: string;
  phone: string;
  enterpriseId: string | null;
  jurisdictionCode: string | null;
  department: string | null;
  reviewLevel: string | null;
  checkpointId: string | null;
  wechatBound: boolean;
  /** Stopped by an admin: cannot sign in. */
  disabled: boolean;
  /** Signed in with a password an admin set: must choose a new one first. */
  mustChangePassword: boolean;
}

/** An account as the admin's account list shows it. */
export interface AdminAccountView extends AccountView {
  /** Until when sign-in is locked after failed passwords (from at least one address), ISO; null if not. */
  lockedUntil: string | null;
}

export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  account: AccountView;
}

export interface EnterpriseView {
  id: string;
  creditCode: string;
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
  districtCode: string;
  verified: boolean;
  whitelisted: boolean;
}

export interface VehicleView {
  id: string;
  plate: string;
  plateColour: PlateColour;
  vehicleType: VehicleType;
  transportLicenseNumber: string;
  vin: string | null;
}

export interface DriverView {
  id: string;
  name: string;
  /** Masked; the full number is shown only where a person must compare it with the card. */
  idNumber: string;
  phone: string;
  role: CrewRole;
}

export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  mimeType: string;
  sizeBytes: number;
  originalName: string;
  createdAt: string;
}

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  enterpriseId: string;
  vehicleId: string | null;
  crewDriverIds: string[];
  materialCategory: string | null;
  materialDescription: string | null;
  quantity: number | null;
  quantityUnit: QuantityUnit | null;
  consignor: Party | null;
  consignee: Party | null;
  originCode: string | null;
  destinationCode: string | null;
  waypointCodes: string[];
  validFrom: string | null;
  validTo: string | null;
  attachmentIds: string[];
  reviewSteps: ReviewStep[];
  reviewLevelIndex: number;
  /** The reason of the last rejection or return, shown to the applicant. */
  lastReason: string | null;
  fieldsToFix: string[];
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do now, from the shared state machine. */
  actions: ApplicationAction[];
}

export interface ApplicationEventView {
  id: string;
  at: string;
  action: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  actorRole: string;
  actorName: string | null;
  comment: string | null;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** A batch that was imported; a batch with any bad row is refused whole (VALIDATION_FAILED, one detail per row). */
export interface WhitelistImportReport {
  batch: string;
  added: number;
  updated: number;
  removed: number;
}
