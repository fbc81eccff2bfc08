import type { QueueCursor, SearchTerm } from '@pass/shared';

export interface QueueFilter {
  category?: string;
  overdueOnly: boolean;
  whitelistFirst: boolean;
  /** Decoded and validated by the query schema. */
  cursor?: QueueCursor;
  limit: number;
  /** A plate, pass number, credit code or enterprise name searched. */
  q?: SearchTerm;
}
