import { z } from '@pass/shared';

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
