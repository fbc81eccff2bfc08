import type { QueueCursor } from '@pass/shared';

export interface QueueFilter {
  category?: string;
  overdueOnly: boolean;
  whitelistFirst: boolean;
  /** Decoded and validated by the query schema. */
  cursor?: QueueCursor;
  limit: number;
}
