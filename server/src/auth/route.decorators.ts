import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { Role, z } from '@pass/shared';
import { ApiIdParam } from '../common/api-body.js';
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
    const { summary, description, roles, status, response, id, ...access } =
      typeof pathOrSpec === 'string' ? spec! : pathOrSpec;
    return <Handler extends (...args: never[]) => unknown>(
      target: object,
      key: string | symbol,
      descriptor: ReturnsWhat<Schema, Handler>,
    ): void => {
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

export const Route = { get: route(Get), post: route(Post), put: route(Put), delete: route(Delete) };
