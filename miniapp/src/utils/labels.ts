import {
  type ApplicationFields,
  findMaterialCategory,
  formatPlate,
  inclusiveDays,
  type Party,
  type PlateColour,
  plateColourNames,
  type QuantityUnit,
  quantityUnitNames,
  type ReviewLevel,
  regionFullName,
  reviewStepName,
} from '@pass/shared';

/** What each application field is called on screen, for the reviewer's "fields to fix". */
export const applicationFieldLabels: Record<keyof ApplicationFields, string> = {
  vehicleId: '车辆',
  crewDriverIds: '司乘人员',
  materialCategory: '运输物资类别',
  materialDescription: '物资名称及说明',
  quantity: '数量',
  quantityUnit: '数量单位',
  consignor: '发货单位',
  consignee: '收货单位',
  originCode: '始发地',
  destinationCode: '目的地',
  waypointCodes: '途经地',
  validFrom: '有效期开始日期',
  validTo: '有效期截止日期',
  attachmentIds: '证明材料',
};

export function fieldLabel(field: string): string {
  return applicationFieldLabels[field as keyof ApplicationFields] ?? field;
}

export const place = (code: string | null | undefined) => (code ? (regionFullName(code) ?? code) : '未填写');

export const categoryName = (code: string | null | undefined) =>
  code ? (findMaterialCategory(code)?.name ?? code) : '未选择';

export const plateText = (plate: string | null | undefined, colour?: string | null) =>
  plate
    ? `${formatPlate(plate)}${colour && colour in plateColourNames ? `（${plateColourNames[colour as PlateColour]}）` : ''}`
    : '未选择车辆';

/** 始发地 → 途经 → 目的地, each by its full name. */
export const routeText = (origin: string | null, waypoints: readonly string[], destination: string | null) =>
  [place(origin), ...waypoints.map(place), place(destination)].join(' → ');

/** "还剩5小时" / "已超期2小时" until a deadline. */
export function dueText(dueAt: string | null, now = Date.now()): string | undefined {
  if (!dueAt) return undefined;
  const hours = Math.round((Date.parse(dueAt) - now) / 3_600_000);
  if (hours >= 48) return `还剩${Math.floor(hours / 24)}天`;
  if (hours >= 0) return `还剩${hours}小时`;
  return -hours >= 48 ? `已超期${Math.floor(-hours / 24)}天` : `已超期${-hours}小时`;
}

/** `11-23` of `2026-11-23`; anything else as it came (the queue's dates are not always ISO on MySQL). */
export const shortDate = (date: string) => (/^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(5, 10) : date);

/** `30 吨`, or 未填写 while either part is missing. */
export const quantityText = (quantity: number | null, unit: QuantityUnit | null) =>
  quantity !== null && unit ? `${quantity} ${quantityUnitNames[unit]}` : '未填写';

/** An application's validity period with its length, as the fleet and the reviewer both read it. */
export function validityText(validFrom: string | null | undefined, validTo: string | null | undefined): string {
  return validFrom && validTo ? `${validFrom} 至 ${validTo}（${inclusiveDays(validFrom, validTo)}天）` : '未填写';
}

/** 江苏省南京市江宁区审核 · 江宁区工业和信息化局: where an official reviews, each part named once. */
export function officialScope(account: {
  jurisdictionCode?: string | null;
  reviewLevel?: string | null;
  department?: string | null;
}): string {
  const { jurisdictionCode, reviewLevel, department } = account;
  const step =
    jurisdictionCode && reviewLevel ? reviewStepName({ jurisdictionCode, level: reviewLevel as ReviewLevel }) : '';
  return [step, department].filter(Boolean).join(' · ');
}

/** A consignor or consignee on a detail page: name, address, then contact, one per line. */
export const partyText = (party: Party | null) =>
  party ? `${party.name}\n${party.address}\n${party.contactName} ${party.contactPhone}` : '未填写';

/**
 * The whitelist tag officials see: `白名单企业`, or `白名单（江苏省互认）` when the enterprise is
 * listed by another province whose whitelist this one recognises.
 */
export const whitelistTag = (source: string | null, noun = '白名单') => (source ? `白名单（${source}互认）` : noun);
