import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ApiErrorBody, ErrorCode, errorHttpStatus, errorMessages, TransitionError } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception.js';

const codeOfStatus: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.ValidationFailed,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
};

// Errors the database driver raises when it cannot be reached: the caller should retry later (503),
// not be told that the server is broken (500).
const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } })?.code;
  const driverCode = (error as { driverError?: { code?: unknown } })?.driverError?.code;
  return connectionErrorCodes.has(String(code)) || connectionErrorCodes.has(String(driverCode));
}

/** The one place where errors become responses: every error body is an ApiErrorBody. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] = this.toResponse(error);
    // An unreachable database is an operational state with its own health check, not a bug: one
    // line each, without the stack (an outage would otherwise print a thousand traces a second).
    if (status === 503)
      this.logger.warn(`database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    else if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(status).send(body);
  }

  private toResponse(error: unknown): [number, ApiErrorBody] {
    if (error instanceof DomainException) return [error.status, error.toBody()];
    if (error instanceof TransitionError) {
      return [errorHttpStatus[error.code], { code: error.code, message: error.message }];
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = codeOfStatus[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
      return [Math.min(status, 500), { code, message: errorMessages[code] }];
    }
    // Fastify's own refusals (malformed JSON, body too large, wrong content type) carry a statusCode.
    const fastifyStatus = (error as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const code = codeOfStatus[fastifyStatus] ?? ErrorCode.ValidationFailed;
      return [fastifyStatus, { code, message: errorMessages[code] }];
    }
    if (isDatabaseUnavailable(error) || (error instanceof QueryFailedError && isDatabaseUnavailable(error))) {
      return [503, { code: ErrorCode.DatabaseUnavailable, message: errorMessages.DATABASE_UNAVAILABLE }];
    }
    return [500, { code: ErrorCode.Internal, message: errorMessages.INTERNAL }];
  }
}
