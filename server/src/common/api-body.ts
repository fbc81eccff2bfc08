import { applyDecorators, Body, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBody, ApiParam } from '@nestjs/swagger';
import { ErrorCode, z } from '@pass/shared';
import { DomainException } from './domain.exception.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/** The OpenAPI description of a request body, generated from its shared zod schema. */
export function ApiZodBody(schema: z.ZodType, description?: string) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' });
  return applyDecorators(ApiBody({ schema: jsonSchema as object, description }));
}

/** A request body validated by a shared schema; pair it with `@ApiZodBody(schema)` on the handler. */
export const ZodBody = (schema: z.ZodType) => Body(new ZodValidationPipe(schema));

/** A path id; anything that is not a UUID cannot name a record, so it is answered like a missing one. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new DomainException(ErrorCode.NotFound) }));

export const ApiIdParam = (name = 'id', description = '记录编号 (UUID)') =>
  ApiParam({ name, description, schema: { type: 'string', format: 'uuid' } });
