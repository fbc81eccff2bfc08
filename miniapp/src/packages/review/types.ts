export type {
  BatchApproveResult,
  BlacklistHit,
  CloneAlertView,
  PassView,
  QueueItem,
  ReviewCounters,
  ReviewDetail,
  Statistics,
  TraceStop,
} from '@pass/shared';
