import type { ErrorCode } from '../error-codes.js';

/** A refused transition; the server maps `code` to its response, the mini-program shows `message`. */
export class TransitionError extends Error {
  override readonly name = 'TransitionError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly action: string,
    readonly from: string,
  ) {
    super(message);
  }
}

export type TransitionCheck<T> = { ok: true; next: T } | { ok: false; code: ErrorCode; message: string };
