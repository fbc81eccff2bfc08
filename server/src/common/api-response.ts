import { applyDecorators, HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { z } from '@pass/shared';
import { openApiSchema } from './openapi-schema.js';

/*
 * The success answer of each route, for the OpenAPI document and for the tests: JSON described by a
 * shared zod schema, a file by its media types, or nothing (204).
 */

/** Metadata key of a handler's response schema (`@ApiZodResponse`), read by the tests' response check. */
export const responseSchemaKey = 'pass:response-schema';

/** The handler's own success status: `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
function successStatus(handler: object): number {
  const status = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
  if (status) return status;
  return Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK;
}

/** What `JSON.stringify` makes of a value: dates become ISO strings. */
type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? JsonOf<Item>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;

/**
 * A handler's descriptor, required to return what the response schema describes (as JSON), so the
 * compiler catches a drift between the handler and its documented answer too.
 */
export type ReturnsWhat<
  Schema extends z.ZodType,
  Handler extends (...args: never[]) => unknown,
> = TypedPropertyDescriptor<Handler> &
  (JsonOf<Awaited<ReturnType<Handler>>> extends z.output<Schema> ? unknown : { returns: z.output<Schema> });

/**
 * Declares the success response once the handler's status is known. Decorators apply bottom-up, so
 * `@HttpCode` may not have run yet when a response decorator does; the document builder applies these
 * (`describeResponses`) just before it reads the controllers.
 */
const undescribed: (() => void)[] = [];

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
  return <Handler extends (...args: never[]) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: ReturnsWhat<Schema, Handler>,
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
