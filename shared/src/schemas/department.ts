import { validateContactPhone } from '../validation/phone.js';
import { invalid } from '../validation/result.js';
import { z } from '../zod.js';
import { textField, validatedString } from './fields.js';

/**
 * 值班电话 of an issuing department: what a checkpoint officer or a driver dials about a pass. A
 * landline with its area code (025-83456789, extension after “-” or “转”) or a mainland mobile number.
 */
export const dutyPhoneSchema = validatedString(
  '值班电话',
  (input) => {
    const result = validateContactPhone(input);
    if (result.ok) return result;
    return invalid(
      input.trim() === '' ? '请填写值班电话' : '值班电话应为带区号的固定电话（如025-83456789）或11位手机号码',
    );
  },
  '025-83456789',
);

/** What the admin records for the department issuing the passes of one jurisdiction. */
export const issuingDepartmentSchema = z.object({
  name: textField('核发单位名称', 4, 50),
  dutyPhone: dutyPhoneSchema,
});

export type IssuingDepartmentRequest = z.output<typeof issuingDepartmentSchema>;
