import type { ApplicationFields } from '@pass/shared';

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
