import { type ApiErrorBody, ErrorCode, errorMessages } from '@pass/shared';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
};

/** A refusal the API reports to its caller with a stable code; services throw these, never HttpException. */
export class DomainException extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
    this.status = statusOf[code];
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
