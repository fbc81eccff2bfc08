import { maxCrewSize } from '../crew.js';
import { inclusiveDays, isCalendarDate } from '../dates.js';
import { materialCategoriesWith, materialCategoryCodePattern, QuantityUnit } from '../materials.js';
import type { ProvinceSettings } from '../settings.js';
import { z } from '../zod.js';
import {
  calendarDateField,
  contactPhoneSchema,
  countyCodeSchema,
  personNameField,
  textField,
  uuidField,
} from './fields.js';

/** 收货/发货单位 on a pass. */
export const partySchema = z.object({
  name: textField('单位名称', 2, 100),
  address: textField('地址', 5, 200),
  contactName: personNameField('联系人'),
  contactPhone: contactPhoneSchema,
});

export type Party = z.output<typeof partySchema>;

export const maxWaypoints = 10;

/** The fields of an application without cross-field rules: use it to `.pick`/`.partial` for drafts. */
export const applicationFieldsSchema = z.object({
  vehicleId: uuidField('车辆'),
  crewDriverIds: z
    .array(uuidField('司乘人员'), '请选择司乘人员')
    .min(1, '请至少选择一名司乘人员')
    .max(maxCrewSize, `司乘人员最多${maxCrewSize}人`),
  materialCategory: z
    .string('请选择运输物资类别')
    .regex(materialCategoryCodePattern, '运输物资类别无效')
    .meta({ title: '运输物资类别' }),
  materialDescription: textField('物资名称及说明', 2, 200),
  quantity: z.number('请填写数量').positive('数量应大于0').max(1_000_000, '数量过大，请核对单位'),
  quantityUnit: z.enum(QuantityUnit, '请选择数量单位'),
  consignor: partySchema,
  consignee: partySchema,
  originCode: countyCodeSchema,
  destinationCode: countyCodeSchema,
  waypointCodes: z.array(countyCodeSchema).max(maxWaypoints, `途经地最多${maxWaypoints}个`),
  validFrom: calendarDateField('有效期开始日期'),
  validTo: calendarDateField('有效期截止日期'),
  attachmentIds: z.array(uuidField('附件')).max(20, '附件最多20个'),
});

export type ApplicationFields = z.output<typeof applicationFieldsSchema>;

/** Field names a reviewer may ask the applicant to fix when returning an application. */
export const applicationFieldNames = Object.keys(applicationFieldsSchema.shape) as [
  keyof ApplicationFields,
  ...(keyof ApplicationFields)[],
];

const hasDuplicates = (values: readonly string[]) => new Set(values).size !== values.length;

/** An application as submitted, with the rules every province shares. */
export const applicationSchema = applicationFieldsSchema.superRefine((app, ctx) => {
  if (hasDuplicates(app.crewDriverIds)) {
    ctx.addIssue({ code: 'custom', path: ['crewDriverIds'], message: '司乘人员不能重复' });
  }
  if (hasDuplicates(app.waypointCodes)) {
    ctx.addIssue({ code: 'custom', path: ['waypointCodes'], message: '途经地不能重复' });
  }
  if (hasDuplicates(app.attachmentIds)) {
    ctx.addIssue({ code: 'custom', path: ['attachmentIds'], message: '附件不能重复' });
  }
  if (isCalendarDate(app.validFrom) && isCalendarDate(app.validTo) && app.validTo < app.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: '有效期截止日期不能早于开始日期' });
  }
});

export type ApplicationInput = z.input<typeof applicationSchema>;
export type Application = z.output<typeof applicationSchema>;

export interface ApplicationRulesOptions {
  /** `YYYY-MM-DD`; when given, validity may not start before it. Defaults to no check. */
  today?: string;
}

/**
 * The application schema of one province: validity capped at its maximum days (both ends included)
 * and the material category one of its categories. Pass `{ today: chinaToday() }` on submission.
 */
export function createApplicationSchema(
  settings: Pick<ProvinceSettings, 'maxValidityDays' | 'extraMaterialCategories'>,
  options: ApplicationRulesOptions = {},
) {
  const categoryCodes = new Set(materialCategoriesWith(settings.extraMaterialCategories).map((c) => c.code));
  return applicationSchema.superRefine((app, ctx) => {
    if (!categoryCodes.has(app.materialCategory)) {
      ctx.addIssue({ code: 'custom', path: ['materialCategory'], message: '运输物资类别不在本省规定的范围内' });
    }
    if (!isCalendarDate(app.validFrom) || !isCalendarDate(app.validTo)) return;
    const days = inclusiveDays(app.validFrom, app.validTo);
    if (days > settings.maxValidityDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: `有效期最长${settings.maxValidityDays}天，当前申请${days}天`,
      });
    }
    if (options.today && app.validFrom < options.today) {
      ctx.addIssue({ code: 'custom', path: ['validFrom'], message: '有效期开始日期不能早于今天' });
    }
  });
}
