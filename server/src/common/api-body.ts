import { applyDecorators, Body, HttpStatus, Param, ParseUUIDPipe, Query, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiBody, ApiParam, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ErrorCode, z } from '@pass/shared';
import { DomainException } from './domain.exception.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/** The named schemas (`.meta({ id })` in `@pass/shared`) met so far, for the document's `components`. */
const namedSchemas: Record<string, object> = {};
export const openApiComponents = (): Record<string, object> => ({ ...namedSchemas });

const toComponentRefs = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll('"#/definitions/', '"#/components/schemas/')) as T;

/**
 * A shared zod schema as an OpenAPI 3.0 schema object: what a client sends (`input`) or receives
 * (`output`). Named schemas become references to `components.schemas`, so each view is written once.
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  const { definitions, ...json } = z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' }) as {
    definitions?: Record<string, object>;
  };
  for (const [id, definition] of Object.entries(definitions ?? {})) namedSchemas[id] = toComponentRefs(definition);
  return toComponentRefs(json);
}

/** The OpenAPI description of a request body, generated from its shared zod schema. */
export function ApiZodBody(schema: z.ZodType, description?: string) {
  return applyDecorators(ApiBody({ schema: openApiSchema(schema, 'input'), description }));
}

/** Metadata key of a handler's response schema (`@ApiZodResponse`), read by the tests' response check. */
export const responseSchemaKey = 'pass:response-schema';

/** The handler's own success status: `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
function successStatus(handler: object): number {
  const status = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  if (status) return status;
  return Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
}

/**
 * Declares the success response once the handler's status is known. Decorators apply bottom-up, so
 * `@HttpCode` may not have run yet when a response decorator does; the document builder applies these
 * (`describeResponses`) just before it reads the controllers.
 */
const undescribed: (() => void)[] = [];

/** What `JSON.stringify` makes of a value: dates become ISO strings. */
type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? JsonOf<Item>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;

function successResponse(options: { description: string; schema?: object }): MethodDecorator {
  return (target, key, descriptor) => {
    undescribed.push(() =>
      ApiResponse({ ...options, status: successStatus(descriptor.value as object) })(target, key, descriptor),
    );
  };
}

/** Adds every pending success response to the controllers' OpenAPI metadata; call before creating a document. */
export function describeResponses(): void {
  for (const describe of undescribed.splice(0)) describe();
}

/**
 * The JSON success response, described by its shared zod schema: documented in OpenAPI and kept on the
 * handler, where the tests parse every answer they receive with it.
 */
export function ApiZodResponse<Schema extends z.ZodType>(schema: Schema, description = '成功') {
  // The handler must be declared to return what the schema describes, so the compiler catches a drift too.
  return <Handler extends (...args: never[]) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Handler> &
      (JsonOf<Awaited<ReturnType<Handler>>> extends z.output<Schema> ? unknown : { returns: z.output<Schema> }),
  ): void => {
    Reflect.defineMetadata(responseSchemaKey, schema, descriptor.value as object);
    successResponse({ description, schema: openApiSchema(schema, 'output') })(target, key, descriptor);
  };
}

/**
 * A success response that is not JSON (a PDF, an image, a CSV file, an HTML page), documented by its
 * media types.
 */
export function ApiContentResponse(description: string, ...mediaTypes: [string, ...string[]]) {
  const binary = mediaTypes.some((type) => !type.startsWith('text/') && type !== 'image/svg+xml');
  return applyDecorators(
    ApiProduces(...mediaTypes),
    successResponse({ description, schema: binary ? { type: 'string', format: 'binary' } : { type: 'string' } }),
  );
}

/** A success response without a body (204). */
export const ApiEmptyResponse = (description = '成功，无返回内容') => successResponse({ description });

/** A request body validated by a shared schema; pair it with `@ApiZodBody(schema)` on the handler. */
export const ZodBody = (schema: z.ZodType) => Body(new ZodValidationPipe(schema));

/**
 * The whole query string validated by a shared zod object schema (`@pass/shared` querySchemas): a
 * repeated, over-long or malformed parameter is a 400 with a Chinese message, like a bad body. It also
 * lists the schema's parameters in the OpenAPI document, so the handler needs no `@ApiQuery`.
 */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  const query = Query(new ZodValidationPipe(schema));
  return (target, key, index) => {
    query(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return;
    for (const [name, field] of Object.entries(schema.shape)) {
      const required = !(field as z.ZodType).safeParse(undefined).success;
      ApiQuery({ name, required, schema: querySchema(field as z.ZodType) })(target, key, descriptor);
    }
  };
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
