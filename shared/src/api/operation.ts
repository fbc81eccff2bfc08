import type { Role } from '../roles.js';
import type { z } from '../zod.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What one operation of the API says about itself besides its method and path. */
export interface OperationSpec {
  /** The operation's summary in the OpenAPI document (Chinese), and a longer description where one helps. */
  summary: string;
  description?: string;
  /** Reachable without signing in; every other operation needs the bearer token. */
  public?: true;
  /** Callable before a required password change (the server's `BeforePasswordChange`). */
  beforePasswordChange?: true;
  /** Who may call it; none named (and not public): any signed-in account, but not a crew session. */
  roles?: readonly Role[];
  /** A success status other than the default (201 for `post`, 200 otherwise); 204 answers no body. */
  status?: 200 | 204;
  /** The JSON answer's schema; none for 204 or a file. */
  response?: z.ZodType;
  /** How the success answer is described, where '成功' says too little. */
  responseDescription?: string;
  /** How the path's `:id` is described, where it is not a record of this operation's own kind. */
  id?: string;
  /** The request body's schema. */
  body?: z.ZodType;
  /** The query string's schema (one of `querySchemas`). */
  query?: z.ZodObject;
}

/** One operation of the API: method, path as the client calls it (`/api/...`), its area's tag and its spec. */
export type Operation<
  Method extends HttpMethod = HttpMethod,
  Path extends string = string,
  Spec extends OperationSpec = OperationSpec,
> = Spec & { method: Method; path: Path; tag?: string };

const operation =
  <Method extends HttpMethod>(method: Method, defaultStatus?: 200) =>
  <Path extends string, const Spec extends OperationSpec>(path: Path, spec: Spec): Operation<Method, Path, Spec> => {
    const status = spec.status ?? defaultStatus;
    // The tag is the area's: `area` fills it in.
    return { ...spec, ...(status ? { status } : {}), method, path };
  };

/** A read. */
export const get = operation('GET');
/** A POST that creates something: 201 Created. */
export const post = operation('POST');
/** A POST that acts on what exists or answers a question (approve, revoke, sign in, look up): 200 OK. */
export const action = operation('POST', 200);
export const put = operation('PUT');
export const del = operation('DELETE');

/** What every operation of one area (one OpenAPI tag) shares: the tag, and who may call it where it names no one. */
export interface AreaDefaults {
  /** The OpenAPI tag the area's operations are listed under. */
  tag: string;
  roles?: readonly Role[];
}

/**
 * The operations of one area, each given the area's tag and, unless it is public or names its own, the
 * area's roles (as a controller's `@Roles` used to).
 */
export function area<const Operations extends Record<string, Operation>>(
  defaults: AreaDefaults,
  operations: Operations,
): Operations {
  for (const op of Object.values(operations)) {
    op.tag = defaults.tag;
    if (!op.public && !op.roles && defaults.roles) op.roles = defaults.roles;
  }
  return operations;
}

/** `'METHOD /path'`, the key an operation is known by (`apiResponses`, route tables, error messages). */
export const operationKey = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
