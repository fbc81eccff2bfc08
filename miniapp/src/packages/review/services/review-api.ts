import type {
  ApplicationView,
  BatchApproveResult,
  CloneAlertResolution,
  CloneAlertState,
  CloneAlertView,
  EnterpriseView,
  Page,
  PassView,
  QueueItem,
  ReviewCounters,
  ReviewDecision,
  ReviewDetail,
  Statistics,
  TraceStop,
} from '@pass/shared';
import { request } from '@/services/request';
import { withQuery } from '@/services/routes';

/** The official's part of the API, one function per call. */

export interface QueueQuery {
  category?: string;
  overdue?: boolean;
  whitelistFirst?: boolean;
  cursor?: string | null;
  limit?: number;
}

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export const reviewApi = {
  counters: () => request<ReviewCounters>('/reviews/counters'),
  queue: ({ category, overdue, whitelistFirst, cursor, limit }: QueueQuery) =>
    request<Page<QueueItem>>(
      withQuery('/reviews/queue', {
        category,
        overdue: flag(overdue),
        whitelistFirst: flag(whitelistFirst),
        cursor,
        limit,
      }),
    ),
  detail: (id: string) => request<ReviewDetail>(`/reviews/${id}`),
  decide: (id: string, decision: ReviewDecision) =>
    request<ApplicationView & { passId?: string }>(`/reviews/${id}/decision`, { method: 'POST', data: decision }),
  batchApprove: (applicationIds: string[], comment?: string) =>
    request<BatchApproveResult[]>('/reviews/batch-approve', { method: 'POST', data: { applicationIds, comment } }),
  attachmentPath: (id: string, attachmentId: string) => `/reviews/${id}/attachments/${attachmentId}/content`,
};

export const passesApi = {
  list: (cursor?: string | null) => request<Page<PassView>>(withQuery('/passes', { cursor })),
  get: (id: string) => request<PassView>(`/passes/${id}`),
  trace: (id: string) => request<TraceStop[]>(`/passes/${id}/trace`),
  revoke: (id: string, reason: string) =>
    request<PassView>(`/passes/${id}/revoke`, { method: 'POST', data: { reason } }),
};

export const alertsApi = {
  clones: (state: CloneAlertState = 'open') => request<CloneAlertView[]>(withQuery('/alerts/clones', { state })),
  resolve: (id: string, resolution: CloneAlertResolution, note: string) =>
    request<CloneAlertView>(`/alerts/clones/${id}/resolve`, { method: 'POST', data: { resolution, note } }),
};

export const statsApi = {
  get: (from: string, to: string) => request<Statistics>(withQuery('/stats', { from, to })),
};

export const enterprisesApi = {
  pending: () => request<EnterpriseView[]>(withQuery('/enterprises', { pending: 'true' })),
  verify: (id: string) => request<EnterpriseView>(`/enterprises/${id}/verify`, { method: 'POST' }),
};
