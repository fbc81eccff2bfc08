import { parsePlate } from '../validation/plate.js';
import { z } from '../zod.js';
import {
  calendarDateField,
  creditCodeSchema,
  idNumberSchema,
  textField,
  uuidField,
  validatedString,
} from './fields.js';

export const BlacklistKind = {
  Enterprise: 'enterprise',
  Driver: 'driver',
  Vehicle: 'vehicle',
} as const;

export type BlacklistKind = (typeof BlacklistKind)[keyof typeof BlacklistKind];

export const blacklistKindNames: Record<BlacklistKind, string> = {
  enterprise: '企业',
  driver: '司乘人员',
  vehicle: '车辆',
};

/** Any plate a vehicle may carry, trailers included: a blacklist names what was seen on the road. */
const anyPlateSchema = validatedString(
  '车牌号码',
  (input) => {
    const result = parsePlate(input);
    return result.ok ? { ok: true, value: result.value.plate } : result;
  },
  '苏A12345',
);

const entryFields = {
  reason: textField('列入理由', 2, 500),
  /** Absent: until lifted by hand. */
  until: calendarDateField('截止日期').optional(),
};

/** The key is what identifies the subject across enterprises: credit code, ID number or plate. */
export const blacklistEntrySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('enterprise'), key: creditCodeSchema, ...entryFields }),
    z.object({ kind: z.literal('driver'), key: idNumberSchema, ...entryFields }),
    z.object({ kind: z.literal('vehicle'), key: anyPlateSchema, ...entryFields }),
  ],
  '请选择黑名单类型',
);

export type BlacklistEntry = z.output<typeof blacklistEntrySchema>;

/** 熔断: stops issuance to an enterprise traced to an outbreak, until a date. */
export const suspensionSchema = z.object({
  enterpriseId: uuidField('企业'),
  until: calendarDateField('暂停截止日期'),
  reason: textField('暂停理由', 2, 500),
});

export type Suspension = z.output<typeof suspensionSchema>;
