import { AttachmentKind, attachmentKindNames } from './attachments.js';
import { type CrewRole, crewRoleNames } from './crew.js';
import { isCalendarDate } from './dates.js';
import { formatPlate } from './validation/plate.js';

/**
 * Documents held once: the 行驶证 by the vehicle, the 驾驶证 and 押运员证 by the person, each with its
 * 有效期至, uploaded on the registry record and reused by every application. The other kinds
 * (承诺书, 道路运输证 scans, …) still come with each application. A replacement is a new upload; the
 * old one stays, because submitted applications keep citing what they were submitted with.
 */
export const DocumentHolder = { Vehicle: 'vehicle', Driver: 'driver' } as const;
export type DocumentHolder = (typeof DocumentHolder)[keyof typeof DocumentHolder];

const holderOfKind: Partial<Record<AttachmentKind, DocumentHolder>> = {
  vehicle_licence: DocumentHolder.Vehicle,
  driving_licence: DocumentHolder.Driver,
  escort_certificate: DocumentHolder.Driver,
};

/** Who holds a kind of document; undefined for the kinds that come with each application. */
export function documentHolderOf(kind: AttachmentKind): DocumentHolder | undefined {
  return holderOfKind[kind];
}

/** The licence a crew member carries for their role: a (co-)driver's 驾驶证, an escort's 押运员证. */
export const crewDocumentKind: Record<CrewRole, AttachmentKind> = {
  driver: AttachmentKind.DrivingLicence,
  co_driver: AttachmentKind.DrivingLicence,
  escort: AttachmentKind.EscortCertificate,
};

/** A held document as its upload recorded it (`AttachmentView` fits). */
export interface HeldDocument {
  id: string;
  kind: AttachmentKind;
  vehicleId: string | null;
  driverId: string | null;
  /** `YYYY-MM-DD`, the last day it is valid. */
  expiresOn: string | null;
}

/** A document an application's vehicle or crew member should hold. */
export interface DocumentNeed {
  kind: AttachmentKind;
  holder: DocumentHolder;
  holderId: string;
  /** `车辆苏A·12345`, `驾驶员周师傅`. */
  who: string;
  /** The province requires this kind (`requiredAttachments`). */
  required: boolean;
}

/** The documents the vehicle and each crew member of an application hold, the required ones marked. */
export function documentNeeds(
  requiredKinds: readonly AttachmentKind[],
  vehicle: { id: string; plate: string } | null,
  crew: readonly { id: string; name: string; role: CrewRole }[],
): DocumentNeed[] {
  const needs: DocumentNeed[] = [];
  if (vehicle) {
    const kind = AttachmentKind.VehicleLicence;
    needs.push({
      kind,
      holder: DocumentHolder.Vehicle,
      holderId: vehicle.id,
      who: `车辆${formatPlate(vehicle.plate)}`,
      required: requiredKinds.includes(kind),
    });
  }
  for (const person of crew) {
    const kind = crewDocumentKind[person.role];
    needs.push({
      kind,
      holder: DocumentHolder.Driver,
      holderId: person.id,
      who: `${crewRoleNames[person.role]}${person.name}`,
      required: requiredKinds.includes(kind),
    });
  }
  return needs;
}

/** The document among `held` (one per holder and kind: the current ones) that meets a need. */
export function heldDocumentFor<T extends HeldDocument>(need: DocumentNeed, held: readonly T[]): T | undefined {
  return held.find(
    (doc) => doc.kind === need.kind && (need.holder === 'vehicle' ? doc.vehicleId : doc.driverId) === need.holderId,
  );
}

export const DocumentProblemKind = { Missing: 'missing', Expired: 'expired', ExpiresEarly: 'expires_early' } as const;
export type DocumentProblemKind = (typeof DocumentProblemKind)[keyof typeof DocumentProblemKind];

export interface DocumentProblem {
  need: DocumentNeed;
  problem: DocumentProblemKind;
  message: string;
}

export interface DocumentCheck {
  /** `YYYY-MM-DD` in China. */
  today: string;
  /** The pass's last day; every document must be valid through it. */
  validTo: string | null;
  /**
   * Kinds the application itself carries as uploads made before documents were held by the registry:
   * they still satisfy the requirement (old drafts and returned applications keep working).
   */
  attachedKinds?: readonly AttachmentKind[];
}

const placeOf: Record<DocumentHolder, string> = { vehicle: '车辆管理', driver: '司乘人员管理' };

/**
 * What keeps an application's documents from covering its validity: a required one not uploaded, one
 * expired, one expiring before the pass does. Every document the vehicle and crew hold is checked,
 * required or not: an official must not be shown an expired licence.
 */
export function documentProblems(
  needs: readonly DocumentNeed[],
  held: readonly HeldDocument[],
  check: DocumentCheck,
): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const need of needs) {
    const name = attachmentKindNames[need.kind];
    const doc = heldDocumentFor(need, held);
    if (!doc?.expiresOn) {
      if (need.required && !check.attachedKinds?.includes(need.kind)) {
        const message = `${need.who}未上传${name}，请在${placeOf[need.holder]}中上传`;
        problems.push({ need, problem: DocumentProblemKind.Missing, message });
      }
    } else if (doc.expiresOn < check.today) {
      const message = `${need.who}的${name}已于${doc.expiresOn}过期，请在${placeOf[need.holder]}中更新`;
      problems.push({ need, problem: DocumentProblemKind.Expired, message });
    } else if (check.validTo && doc.expiresOn < check.validTo) {
      const message = `${need.who}的${name}有效期至${doc.expiresOn}，早于通行证有效期截止日期${check.validTo}`;
      problems.push({ need, problem: DocumentProblemKind.ExpiresEarly, message });
    }
  }
  return problems;
}

/**
 * Why an upload's holder does not fit its kind, or undefined: a held kind goes on its vehicle or
 * person with its expiry date; the other kinds go on no record.
 */
export function heldDocumentUploadIssue(upload: {
  kind: AttachmentKind;
  vehicleId?: string;
  driverId?: string;
  expiresOn?: string;
}): { path: 'vehicleId' | 'driverId' | 'expiresOn'; message: string } | undefined {
  const name = attachmentKindNames[upload.kind];
  const holder = documentHolderOf(upload.kind);
  if (!holder) {
    if (upload.vehicleId || upload.driverId || upload.expiresOn) {
      return { path: upload.vehicleId ? 'vehicleId' : 'driverId', message: `${name}随申请上传，不属于车辆或人员` };
    }
    return undefined;
  }
  const [own, other] =
    holder === 'vehicle' ? (['vehicleId', 'driverId'] as const) : (['driverId', 'vehicleId'] as const);
  if (!upload[own] || upload[other]) {
    const place = holder === 'vehicle' ? '车辆' : '司乘人员';
    return { path: own, message: `${name}请在${place}登记信息中上传，上传一次即可用于每次申请` };
  }
  if (!upload.expiresOn) return { path: 'expiresOn', message: `请填写${name}的有效期至` };
  return undefined;
}

/** Why a typed 有效期至 cannot be saved (`today` in China), or undefined. */
export function expiryDateIssue(expiresOn: string, today: string): string | undefined {
  if (!expiresOn) return '请填写证件的有效期至';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || !isCalendarDate(expiresOn)) return '日期应为年-月-日，如2030-05-12';
  if (expiresOn < today) return '证件已过期，请上传有效期内的证件';
  return undefined;
}
