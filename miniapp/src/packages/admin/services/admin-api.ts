import type {
  AccountView,
  AdminAccountView,
  AuditEntryView,
  BlacklistEntry,
  BlacklistEntryView,
  CalendarDay,
  CheckpointRequest,
  CheckpointView,
  EnterpriseView,
  ProvinceSettingsDocument,
  ProvinceSettingsUpdate,
  QueryStringOf,
  QuotaAllocation,
  QuotaView,
  StaffAccountRequest,
  StaffAccountUpdate,
  Suspension,
  SuspensionView,
  WhitelistBatch,
  WhitelistEntryView,
  WhitelistImportReport,
} from '@pass/shared';
import { queryPath, request } from '@/services/request';

/** The admin's part of the API, one function per call. */

/** The audit log's entries; the pages and the CSV export name them so. */
export type AuditEntry = AuditEntryView;

export const accountsApi = {
  list: (query: QueryStringOf<'accountList'>) =>
    request<AdminAccountView[]>(queryPath<'accountList'>('/admin/accounts', query)),
  create: (body: StaffAccountRequest) => request<AccountView>('/admin/accounts', { method: 'POST', data: body }),
  update: (id: string, body: StaffAccountUpdate) =>
    request<AccountView>(`/admin/accounts/${id}`, { method: 'PUT', data: body }),
  disable: (id: string) => request<AccountView>(`/admin/accounts/${id}/disable`, { method: 'POST' }),
  enable: (id: string) => request<AccountView>(`/admin/accounts/${id}/enable`, { method: 'POST' }),
  resetPassword: (id: string, password: string) =>
    request<AccountView>(`/admin/accounts/${id}/reset-password`, { method: 'POST', data: { password } }),
  unlock: (id: string) => request<void>(`/admin/accounts/${id}/unlock`, { method: 'POST' }),
};

export const checkpointsApi = {
  list: () => request<CheckpointView[]>('/checkpoints'),
  create: (body: CheckpointRequest) => request<CheckpointView>('/admin/checkpoints', { method: 'POST', data: body }),
  update: (id: string, body: CheckpointRequest) =>
    request<CheckpointView>(`/admin/checkpoints/${id}`, { method: 'PUT', data: body }),
  retire: (id: string) => request<CheckpointView>(`/admin/checkpoints/${id}/retire`, { method: 'POST' }),
  reinstate: (id: string) => request<CheckpointView>(`/admin/checkpoints/${id}/reinstate`, { method: 'POST' }),
};

export const quotasApi = {
  list: () => request<QuotaView[]>('/admin/quotas'),
  allocate: (body: QuotaAllocation) => request<QuotaView>('/admin/quotas', { method: 'POST', data: body }),
};

export const sanctionsApi = {
  blacklist: () => request<BlacklistEntryView[]>('/admin/blacklist'),
  addToBlacklist: (body: BlacklistEntry) =>
    request<BlacklistEntryView>('/admin/blacklist', { method: 'POST', data: body }),
  lift: (id: string) => request<void>(`/admin/blacklist/${id}`, { method: 'DELETE' }),
  suspensions: () => request<SuspensionView[]>('/admin/suspensions'),
  suspend: (body: Suspension) => request<void>('/admin/suspensions', { method: 'POST', data: body }),
  liftSuspension: (enterpriseId: string) => request<void>(`/admin/suspensions/${enterpriseId}`, { method: 'DELETE' }),
  enterprises: () => request<EnterpriseView[]>('/enterprises'),
};

export const auditApi = {
  list: (query: QueryStringOf<'audit'>) => request<AuditEntry[]>(queryPath<'audit'>('/admin/audit', query)),
};

export const settingsApi = {
  current: () => request<ProvinceSettingsDocument>('/settings', { anonymous: true }),
  save: (body: ProvinceSettingsUpdate) =>
    request<ProvinceSettingsDocument>('/admin/settings', { method: 'PUT', data: body }),
  history: () => request<ProvinceSettingsDocument[]>('/admin/settings/history'),
};

export const holidaysApi = {
  year: (year: number) => request<CalendarDay[]>(queryPath<'holidays'>('/holidays', { year }), { anonymous: true }),
  save: (year: number, days: CalendarDay[]) =>
    request<CalendarDay[]>(`/admin/holidays/${year}`, { method: 'PUT', data: { days } }),
};

export const whitelistApi = {
  import: (batch: string, csv: string) =>
    request<WhitelistImportReport>('/admin/whitelist/import', { method: 'POST', data: { batch, csv } }),
  list: (query: QueryStringOf<'whitelist'>) =>
    request<WhitelistEntryView[]>(queryPath<'whitelist'>('/admin/whitelist', query)),
  batches: () => request<WhitelistBatch[]>('/admin/whitelist/batches'),
  remove: (creditCode: string) => request<void>(`/admin/whitelist/${creditCode}`, { method: 'DELETE' }),
};
