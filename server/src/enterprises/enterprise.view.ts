import type { EnterpriseView } from '@pass/shared';
import type { EnterpriseEntity } from './enterprise.entity.js';

export function toEnterpriseView(enterprise: EnterpriseEntity, whitelisted: boolean): EnterpriseView {
  return {
    id: enterprise.id,
    creditCode: enterprise.creditCode,
    name: enterprise.name,
    address: enterprise.address,
    contactName: enterprise.contactName,
    contactPhone: enterprise.contactPhone,
    districtCode: enterprise.districtCode,
    verified: enterprise.verifiedAt !== null,
    whitelisted,
  };
}
