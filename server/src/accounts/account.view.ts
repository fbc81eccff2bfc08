import type { AccountView } from '@pass/shared';
import type { AccountEntity } from './account.entity.js';

export function toAccountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    role: account.role,
    name: account.name,
    phone: account.phone,
    enterpriseId: account.enterpriseId,
    jurisdictionCode: account.jurisdictionCode,
    department: account.department,
    reviewLevel: account.reviewLevel,
    checkpointId: account.checkpointId,
    wechatBound: account.wechatOpenid !== null,
    disabled: account.disabledAt !== null && account.disabledAt !== undefined,
    mustChangePassword: account.mustChangePassword === true,
  };
}
