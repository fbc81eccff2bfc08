import type {
  ApplicationDraft,
  ApplicationEventView,
  ApplicationView,
  AttachmentKind,
  AttachmentView,
  DriverIdNumber,
  DriverInput,
  DriverView,
  EnterpriseView,
  Page,
  QueryStringOf,
  VehicleInput,
  VehicleView,
} from '@pass/shared';
import { type PageRequest, pageQuery, queryPath, request, upload } from '@/services/request';

/** The fleet manager's part of the API, one function per call. */

export const enterpriseApi = {
  mine: () => request<EnterpriseView>('/enterprises/mine'),
  update: (changes: { address?: string; contactName?: string; contactPhone?: string }) =>
    request<EnterpriseView>('/enterprises/mine', { method: 'PUT', data: changes }),
};

export const vehiclesApi = {
  /** With `q`, those whose plate begins with it. */
  list: (q?: string) => request<VehicleView[]>(queryPath<'registerList'>('/vehicles', { q })),
  get: (id: string) => request<VehicleView>(`/vehicles/${id}`),
  create: (vehicle: VehicleInput) => request<VehicleView>('/vehicles', { method: 'POST', data: vehicle }),
  update: (id: string, vehicle: VehicleInput) =>
    request<VehicleView>(`/vehicles/${id}`, { method: 'PUT', data: vehicle }),
  remove: (id: string) => request<void>(`/vehicles/${id}`, { method: 'DELETE' }),
};

export const driversApi = {
  /** With `q`, those whose name begins with it. */
  list: (q?: string) => request<DriverView[]>(queryPath<'registerList'>('/drivers', { q })),
  get: (id: string) => request<DriverView>(`/drivers/${id}`),
  /** The unmasked number, to prefill the edit form. */
  idNumber: (id: string) => request<DriverIdNumber>(`/drivers/${id}/id-number`),
  create: (driver: DriverInput) => request<DriverView>('/drivers', { method: 'POST', data: driver }),
  update: (id: string, driver: DriverInput) => request<DriverView>(`/drivers/${id}`, { method: 'PUT', data: driver }),
  remove: (id: string) => request<void>(`/drivers/${id}`, { method: 'DELETE' }),
};

/** Whose document an upload is (a 行驶证 its vehicle's, a 驾驶证 or 押运员证 its person's) and until when. */
export type DocumentHolding = Omit<QueryStringOf<'attachmentUpload'>, 'kind'>;

export const attachmentsApi = {
  list: () => request<AttachmentView[]>('/attachments'),
  /** The current documents of the enterprise's vehicles and people. */
  held: () => request<AttachmentView[]>('/attachments/held'),
  upload: (
    kind: AttachmentKind,
    filePath: string,
    fileName: string | undefined,
    onProgress: (p: number) => void,
    holding: DocumentHolding = {},
  ) =>
    upload<AttachmentView>({
      path: queryPath<'attachmentUpload'>('/attachments', { kind, ...holding }),
      filePath,
      fileName,
      onProgress,
    }),
};

export const applicationsApi = {
  list: ({ cursor, limit, ...filter }: Omit<QueryStringOf<'applicationList'>, keyof PageRequest> & PageRequest = {}) =>
    request<Page<ApplicationView>>(
      queryPath<'applicationList'>('/applications', { ...filter, ...pageQuery({ cursor, limit }) }),
    ),
  get: (id: string) => request<ApplicationView>(`/applications/${id}`),
  events: (id: string) => request<ApplicationEventView[]>(`/applications/${id}/events`),
  /** The same key on a retried request (double tap, lost response) returns the first draft. */
  create: (draft: ApplicationDraft, idempotencyKey: string) =>
    request<ApplicationView>('/applications', {
      method: 'POST',
      data: draft,
      header: { 'Idempotency-Key': idempotencyKey },
    }),
  update: (id: string, draft: ApplicationDraft) =>
    request<ApplicationView>(`/applications/${id}`, { method: 'PUT', data: draft }),
  submit: (id: string) => request<ApplicationView>(`/applications/${id}/submit`, { method: 'POST' }),
  resubmit: (id: string) => request<ApplicationView>(`/applications/${id}/resubmit`, { method: 'POST' }),
  withdraw: (id: string) => request<ApplicationView>(`/applications/${id}/withdraw`, { method: 'POST' }),
};
