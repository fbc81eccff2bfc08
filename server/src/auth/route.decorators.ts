import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { authTokensSchema, type Role, type z } from '@pass/shared';
import { ApiIdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse, type ReturnsWhat } from '../common/api-response.js';
import { BeforePasswordChange, Public, Roles } from './auth.decorators.js';

/** What a route says about itself besides its method and path. */
export interface RouteSpec<Schema extends z.ZodType> {
  /** The operation's summary in the OpenAPI document, and a longer description where one helps. */
  summary: string;
  description?: string;
  /** Reachable without signing in; every other route is documented as needing the bearer token. */
  public?: true;
  /** Callable before a required password change (see `BeforePasswordChange`). */
  beforePasswordChange?: true;
  /** Who may call it, where the controller's `@Roles` does not say it. */
  roles?: Role[];
  /** A success status other than Nest's default (201 for POST, 200 otherwise); 204 answers no body. */
  status?: 200 | 204;
  /** The JSON answer's shared schema; none for 204 or a file (`@ApiContentResponse` beside it). */
  response?: Schema;
  /** How the path's `:id` is described, where it is not a record of this route's own kind. */
  id?: string;
  /** The request body's shared schema: validated and documented, handed to the `@Input()` parameter. */
  body?: z.ZodType;
  /** The query string's shared schema (`querySchemas`): validated and documented, handed to `@Input()`. */
  query?: z.ZodObject;
}

const inputParameter = Symbol('route:input');

/**
 * The handler's parameter that receives the request's body or query string, as the route's `body` or
 * `query` schema validates it (a 400 with a Chinese message otherwise). The schema is declared once, in
 * the route; the parameter only says where it goes, so a handler's signature stays on one line.
 */
export const Input = (): ParameterDecorator => (target, key, index) => {
  if (key !== undefined) Reflect.defineMetadata(inputParameter, index, target, key);
};

/** Applies the route's body or query schema to its `@Input()` parameter (as `@ZodBody`/`@ZodQuery` would). */
function applyInput(target: object, key: string | symbol, body?: z.ZodType, query?: z.ZodObject): void {
  const index = Reflect.getMetadata(inputParameter, target, key) as number | undefined;
  if ((body || query) === undefined && index === undefined) return;
  if (index === undefined || (body && query) || !(body || query)) {
    throw new Error(`${String(key)}: a route declares one of body or query exactly when a parameter is @Input()`);
  }
  (body ? ZodBody(body) : ZodQuery(query!))(target, key, index);
}

type Method = (path?: string) => MethodDecorator;

/**
 * One route in one decorator: method and path, who may call it (public, or signed in with these roles:
 * the guard's rule and its OpenAPI security come from the same words), success status, the `:id` path
 * parameter, the summary and the answer; i.e. what a handler would otherwise stack as `@Post @HttpCode
 * @Roles @ApiIdParam @ApiOperation @ApiZodResponse` (the body documents itself: `@ZodBody`). They are
 * applied in that stack's order, so the OpenAPI document is the same; the handler must return what
 * `response` describes (checked by tsc, as with `@ApiZodResponse`).
 */
function route(method: Method) {
  return <Schema extends z.ZodType = z.ZodType>(pathOrSpec: string | RouteSpec<Schema>, spec?: RouteSpec<Schema>) => {
    const path = typeof pathOrSpec === 'string' ? pathOrSpec : undefined;
    const { summary, description, roles, status, response, id, body, query, ...access } =
      typeof pathOrSpec === 'string' ? spec! : pathOrSpec;
    return <Handler extends (...args: never[]) => unknown>(
      target: object,
      key: string | symbol,
      descriptor: ReturnsWhat<Schema, Handler>,
    ): void => {
      applyInput(target, key, body, query);
      const bottomUp: MethodDecorator[] = [];
      if (response) bottomUp.push(ApiZodResponse(response) as MethodDecorator);
      if (status === 204) bottomUp.push(ApiEmptyResponse());
      bottomUp.push(ApiOperation({ summary, description }));
      if (path?.split('/').includes(':id')) bottomUp.push(ApiIdParam('id', id));
      if (roles) bottomUp.push(Roles(...roles));
      if (status) bottomUp.push(HttpCode(status));
      if (access.beforePasswordChange) bottomUp.push(BeforePasswordChange());
      bottomUp.push(access.public ? Public() : ApiBearerAuth());
      bottomUp.push(method(path));
      for (const decorate of bottomUp) decorate(target, key, descriptor);
    };
  };
}

/**
 * `post` creates something (201 Created); `action` is a POST that acts on what exists or answers a
 * question (200 OK: approve, revoke, sign in, look up) unless its spec says 204.
 */
function action<Schema extends z.ZodType = z.ZodType>(
  pathOrSpec: string | RouteSpec<Schema>,
  spec?: RouteSpec<Schema>,
) {
  if (typeof pathOrSpec !== 'string') return route(Post)({ ...pathOrSpec, status: pathOrSpec.status ?? 200 });
  return route(Post)(pathOrSpec, { ...spec!, status: spec!.status ?? 200 });
}

export const Route = { get: route(Get), post: route(Post), action, put: route(Put), delete: route(Delete) };

/** A way to sign in (password, WeChat, a crew member's SMS code, a refresh): public, answering a new pair of tokens. */
export const SignIn = (path: string, summary: string, body: z.ZodType, description?: string) =>
  Route.action(path, { summary, description, response: authTokensSchema, public: true, body });
