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
  ReviewQueueQuery,
  Statistics,
  TraceStop,
} from '@pass/shared';
import { type PageRequest, pageQuery, queryPath, request } from '@/services/request';

/** The official's part of the API, one function per call. */

/** The queue's filters as the page holds them (the checked values), and the page asked for. */
export type QueueQuery = Partial<Pick<ReviewQueueQuery, 'category' | 'overdue' | 'whitelistFirst'>> &
  PageRequest & { q?: string };

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export const reviewApi = {
  counters: () => request<ReviewCounters>('/reviews/counters'),
  queue: ({ q, category, overdue, whitelistFirst, ...page }: QueueQuery) =>
    request<Page<QueueItem>>(
      queryPath<'reviewQueue'>('/reviews/queue', {
        q,
        category,
        overdue: flag(overdue),
        whitelistFirst: flag(whitelistFirst),
        ...pageQuery(page),
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
  list: (cursor?: string | null, q?: string) =>
    request<Page<PassView>>(queryPath<'passList'>('/passes', { q, ...pageQuery({ cursor }) })),
  get: (id: string) => request<PassView>(`/passes/${id}`),
  trace: (id: string) => request<TraceStop[]>(`/passes/${id}/trace`),
  revoke: (id: string, reason: string) =>
    request<PassView>(`/passes/${id}/revoke`, { method: 'POST', data: { reason } }),
};

export const alertsApi = {
  clones: (state: CloneAlertState = 'open') =>
    request<CloneAlertView[]>(queryPath<'cloneAlerts'>('/alerts/clones', { state })),
  resolve: (id: string, resolution: CloneAlertResolution, note: string) =>
    request<CloneAlertView>(`/alerts/clones/${id}/resolve`, { method: 'POST', data: { resolution, note } }),
};

export const statsApi = {
  get: (from: string, to: string) => request<Statistics>(queryPath<'stats'>('/stats', { from, to })),
};

export const enterprisesApi = {
  pending: () => request<EnterpriseView[]>(queryPath<'enterpriseList'>('/enterprises', { pending: 'true' })),
  verify: (id: string) => request<EnterpriseView>(`/enterprises/${id}/verify`, { method: 'POST' }),
};
