import { isQuotaPeriodKey } from '../quota.js';
import { z } from '../zod.js';
import { regionCodeSchema } from './fields.js';

/** How many passes a jurisdiction may issue in one period (`2022-05` or `2022-W21`). */
export const quotaAllocationSchema = z.object({
  jurisdictionCode: regionCodeSchema,
  period: z
    .string('请填写配额周期')
    .refine((key) => isQuotaPeriodKey(key), '配额周期应为月份（如2022-05）或周（如2022-W21）')
    .meta({ title: '配额周期', examples: ['2022-05', '2022-W21'] }),
  amount: z.int('配额应为整数').min(0, '配额不能为负数').max(1_000_000, '配额过大'),
});

export type QuotaAllocation = z.output<typeof quotaAllocationSchema>;
