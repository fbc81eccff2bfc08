import type { z } from '../zod.js';
import { type Operation, operationKey } from './operation.js';
import { apiOperations } from './routes/index.js';

type Areas = typeof apiOperations;
/** Any one operation of the table, as its literal type. */
export type AnyOperation = { [A in keyof Areas]: Areas[A][keyof Areas[A]] }[keyof Areas];

/** Every operation of the API, in the table's order. */
export const allOperations: readonly Operation[] = Object.values(apiOperations).flatMap(
  (operations) => Object.values(operations) as Operation[],
);

type KeyOf<Op> = Op extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;

/** The operations that answer JSON, by `METHOD /path`, each with its response schema. */
type ApiResponses = {
  [Op in AnyOperation as Op extends { response: z.ZodType } ? KeyOf<Op> : never]: Op extends {
    response: infer Schema extends z.ZodType;
  }
    ? Schema
    : never;
};

/**
 * The JSON answer of every route, by `METHOD /path` as the contract (`apiOperations`) declares it; the
 * server's handlers are declared from the same entries (`@Endpoint`). Routes that answer a file or
 * nothing (204) are not listed.
 */
export const apiResponses = Object.fromEntries(
  allOperations.flatMap((op) => (op.response ? [[operationKey(op), op.response]] : [])),
) as ApiResponses;

export type ApiRoute = keyof ApiResponses;

/** The body a route answers with, e.g. `ApiResponseOf<'GET /api/vehicles'>`. */
export type ApiResponseOf<Route extends ApiRoute> = z.output<ApiResponses[Route]>;

/** Any JSON answer of the API; nothing for the routes that answer 204. */
// biome-ignore lint/suspicious/noConfusingVoidType: callers of 204 routes spell their answer `request<void>`.
export type ApiResponseBody = ApiResponseOf<ApiRoute> | undefined | void;

type BodyOperation = Extract<AnyOperation, { body: z.ZodType }>;
/** The request body a route takes, as the client writes it, e.g. `ApiBodyOf<'POST /api/vehicles'>`. */
export type ApiBodyOf<Route extends KeyOf<BodyOperation>> = z.input<
  Extract<
    BodyOperation,
    { method: Route extends `${infer M} ${string}` ? M : never; path: Route extends `${string} ${infer P}` ? P : never }
  >['body']
>;
