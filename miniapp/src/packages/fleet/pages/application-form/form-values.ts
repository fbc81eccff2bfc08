import {
  type ApplicationDraft,
  type ApplicationView,
  type AttachmentView,
  addDays,
  chinaToday,
  inclusiveDays,
  type Party,
  type QuantityUnit,
} from '@pass/shared';

/** What the inputs hold: strings as typed, validity as a start date and a number of days. */
export interface PartyValues {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

export interface ApplicationFormValues extends Record<string, unknown> {
  vehicleId: string;
  crewDriverIds: string[];
  materialCategory: string;
  materialDescription: string;
  quantity: string;
  quantityUnit: QuantityUnit | '';
  consignor: PartyValues;
  consignee: PartyValues;
  originCode: string;
  destinationCode: string;
  waypointCodes: string[];
  validFrom: string;
  /** Both ends included, at most the province's maximum. */
  validDays: number;
  attachments: AttachmentView[];
}

export const emptyParty: PartyValues = { name: '', address: '', contactName: '', contactPhone: '' };

/** A new application asks for the longest validity the province allows. */
export function emptyApplication(maxValidityDays: number): ApplicationFormValues {
  return {
    vehicleId: '',
    crewDriverIds: [],
    materialCategory: '',
    materialDescription: '',
    quantity: '',
    quantityUnit: '',
    consignor: emptyParty,
    consignee: emptyParty,
    originCode: '',
    destinationCode: '',
    waypointCodes: [],
    validFrom: chinaToday(),
    validDays: maxValidityDays,
    attachments: [],
  };
}

export function fromView(
  app: ApplicationView,
  attachments: AttachmentView[],
  maxValidityDays: number,
): ApplicationFormValues {
  const today = chinaToday();
  // A validity that has started already could not be submitted: move it to today.
  const validFrom = app.validFrom && app.validFrom >= today ? app.validFrom : today;
  return {
    vehicleId: app.vehicleId ?? '',
    crewDriverIds: app.crewDriverIds,
    materialCategory: app.materialCategory ?? '',
    materialDescription: app.materialDescription ?? '',
    quantity: app.quantity === null ? '' : String(app.quantity),
    quantityUnit: app.quantityUnit ?? '',
    consignor: app.consignor ?? emptyParty,
    consignee: app.consignee ?? emptyParty,
    originCode: app.originCode ?? '',
    destinationCode: app.destinationCode ?? '',
    waypointCodes: app.waypointCodes,
    validFrom,
    validDays:
      app.validTo && app.validTo >= validFrom
        ? Math.min(inclusiveDays(validFrom, app.validTo), maxValidityDays)
        : maxValidityDays,
    attachments: app.attachmentIds
      .map((id) => attachments.find((a) => a.id === id))
      .filter((a): a is AttachmentView => a !== undefined),
  };
}

const text = (value: string) => (value.trim() === '' ? undefined : value);

const partyInput = (party: PartyValues) => ({
  name: text(party.name),
  address: text(party.address),
  contactName: text(party.contactName),
  contactPhone: text(party.contactPhone),
});

const isBlankParty = (party: PartyValues) => Object.values(party).every((value) => value.trim() === '');

export const validToOf = (values: Pick<ApplicationFormValues, 'validFrom' | 'validDays'>) =>
  addDays(values.validFrom, values.validDays - 1);

/** Everything, blanks as absent, for the rules of submission (which then say what is missing). */
export function submissionInput(values: ApplicationFormValues) {
  return {
    vehicleId: text(values.vehicleId),
    crewDriverIds: values.crewDriverIds,
    materialCategory: text(values.materialCategory),
    materialDescription: text(values.materialDescription),
    quantity: values.quantity.trim() === '' ? undefined : Number(values.quantity),
    quantityUnit: values.quantityUnit || undefined,
    consignor: partyInput(values.consignor),
    consignee: partyInput(values.consignee),
    originCode: text(values.originCode),
    destinationCode: text(values.destinationCode),
    waypointCodes: values.waypointCodes,
    validFrom: values.validFrom,
    validTo: validToOf(values),
    attachmentIds: values.attachments.map((a) => a.id),
  };
}

/**
 * Only what has been filled in, for saving a draft. Lists are always sent so that removing the last
 * waypoint or attachment is saved too; a half-filled party is sent so its blanks are pointed out.
 */
export function draftInput(values: ApplicationFormValues): Record<keyof ApplicationDraft, unknown> {
  const all = submissionInput(values);
  return {
    ...all,
    crewDriverIds: values.crewDriverIds.length ? values.crewDriverIds : undefined,
    consignor: isBlankParty(values.consignor) ? undefined : all.consignor,
    consignee: isBlankParty(values.consignee) ? undefined : all.consignee,
  };
}

export function partyOf(enterprise: {
  name: string;
  address: string;
  contactName: string;
  contactPhone: string;
}): Party {
  return {
    name: enterprise.name,
    address: enterprise.address,
    contactName: enterprise.contactName,
    contactPhone: enterprise.contactPhone,
  };
}
