import { applyDecorators, Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { ErrorCode, z } from '@pass/shared';
import { DomainException } from './domain.exception.js';
import { openApiSchema } from './openapi-schema.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/**
 * A parameter decorator that also documents the handler (its OpenAPI body or query parameters) from the
 * same schema it validates with, so one decorator says both and the two cannot drift apart.
 */
function documenting(parameter: ParameterDecorator, document: MethodDecorator): ParameterDecorator {
  return (target, key, index) => {
    parameter(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) document(target, key, descriptor);
  };
}

/** A request body validated by a shared schema, and documented in OpenAPI by it. */
export const ZodBody = (schema: z.ZodType) =>
  documenting(Body(new ZodValidationPipe(schema)), ApiBody({ schema: openApiSchema(schema, 'input') }));

/**
 * The whole query string validated by a shared zod object schema (`@pass/shared` querySchemas): a
 * repeated, over-long or malformed parameter is a 400 with a Chinese message, like a bad body. It also
 * lists the schema's parameters in the OpenAPI document, so the handler needs no `@ApiQuery`.
 */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  const parameters = Object.entries(schema.shape).map(([name, field]) => {
    const required = !(field as z.ZodType).safeParse(undefined).success;
    return ApiQuery({ name, required, schema: querySchema(field as z.ZodType) });
  });
  return documenting(Query(new ZodValidationPipe(schema)), applyDecorators(...parameters));
}

/**
 * A query parameter's schema as a client sees it. Parameters that are normalised first (empty → absent,
 * 'true'/'false' → boolean) have no JSON form: those are documented as the string they arrive as.
 */
function querySchema(field: z.ZodType): object {
  const schema = openApiSchema(field, 'input');
  return 'type' in schema ? schema : { type: 'string' };
}

/** A path parameter described by the shared schema its `ZodValidationPipe` checks it with. */
export const ApiZodParam = (name: string, schema: z.ZodType, description?: string) =>
  ApiParam({ name, description, schema: openApiSchema(schema, 'input') });

/** A path id; anything that is not a UUID cannot name a record, so it is answered like a missing one. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new DomainException(ErrorCode.NotFound) }));

export const ApiIdParam = (name = 'id', description = '记录编号 (UUID)') =>
  ApiParam({ name, description, schema: { type: 'string', format: 'uuid' } });
