import { type ApiErrorBody, ErrorCode, errorHttpStatus, errorMessages } from '@pass/shared';

/** A refusal the API reports to its caller with a stable code; services throw these, never HttpException. */
export class DomainException extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
    this.status = errorHttpStatus[code];
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export const notFound = (message?: string) => new DomainException(ErrorCode.NotFound, message);
