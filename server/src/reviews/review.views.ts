export interface QueueFilter {
  category?: string;
  overdueOnly: boolean;
  whitelistFirst: boolean;
  cursor?: string;
  limit: number;
}
