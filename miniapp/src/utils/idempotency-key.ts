/**
 * A key for the `Idempotency-Key` header (8-64 of [A-Za-z0-9_-]): the time plus randomness is unique
 * enough for one enterprise's drafts, and needs no crypto API (older WeChat clients lack one).
 */
export function newIdempotencyKey(): string {
  const random = Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(36)
      .padStart(7, '0'),
  ).join('');
  return `app-${Date.now().toString(36)}-${random}`;
}
