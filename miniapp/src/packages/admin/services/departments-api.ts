import type { IssuingDepartmentRequest, IssuingDepartmentView } from '@pass/shared';
import { request } from '@/services/request';

/** 核发单位与值班电话, one record per jurisdiction code. */
export const departmentsApi = {
  list: () => request<IssuingDepartmentView[]>('/admin/departments'),
  save: (regionCode: string, body: IssuingDepartmentRequest) =>
    request<IssuingDepartmentView>(`/admin/departments/${regionCode}`, { method: 'PUT', data: body }),
};
