import { Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HttpMethod, Operation, z } from '@pass/shared';
import { ApiIdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse, type ReturnsWhat } from '../common/api-response.js';
import { BeforePasswordChange, Public, Roles } from './auth.decorators.js';

/** Metadata key of the contract operation a handler serves (`@Endpoint`), read by the route-table tests. */
export const operationMetadataKey = 'pass:operation';

const inputParameter = Symbol('route:input');

/**
 * The handler's parameter that receives the request's body or query string, as the operation's `body` or
 * `query` schema validates it (a 400 with a Chinese message otherwise). The schema is declared once, in
 * the contract; the parameter only says where it goes, so a handler's signature stays on one line.
 */
export const Input = (): ParameterDecorator => (target, key, index) => {
  if (key !== undefined) Reflect.defineMetadata(inputParameter, index, target, key);
};

/** Applies the operation's body or query schema to its `@Input()` parameter (as `@ZodBody`/`@ZodQuery` would). */
function applyInput(target: object, key: string | symbol, body?: z.ZodType, query?: z.ZodObject): void {
  const index = Reflect.getMetadata(inputParameter, target, key) as number | undefined;
  if ((body || query) === undefined && index === undefined) return;
  if (index === undefined || (body && query) || !(body || query)) {
    throw new Error(`${String(key)}: an operation has a body or query exactly when its handler has an @Input()`);
  }
  (body ? ZodBody(body) : ZodQuery(query!))(target, key, index);
}

const methods: Record<HttpMethod, (path?: string) => MethodDecorator> = {
  GET: Get,
  POST: Post,
  PUT: Put,
  DELETE: Delete,
};

/** The path Nest routes: the contract's, less the global `/api` prefix (controllers name no path of their own). */
const routedPath = (path: string) => path.replace(/^\/(api\/)?/, '');

type ResponseOf<Op> = Op extends { response: infer Schema extends z.ZodType } ? Schema : z.ZodType;

/**
 * The handler of one operation of the shared contract (`apiOperations` in `@pass/shared`): everything the
 * contract says of it becomes the Nest and OpenAPI metadata a handler would otherwise stack as `@Post
 * @HttpCode @Roles @Public|@ApiBearerAuth @ApiTags @ApiIdParam @ApiOperation @ApiZodResponse`, and its body
 * or query schema validates the `@Input()` parameter. They are applied in that stack's order, so the
 * OpenAPI document is the one hand-stacked decorators gave. The handler must return what `response`
 * describes (checked by tsc). Controllers are `@Controller()` with no path: the contract's path is whole.
 */
export function Endpoint<const Op extends Operation>(op: Op) {
  return <Handler extends (...args: never[]) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: ReturnsWhat<ResponseOf<Op>, Handler>,
  ): void => {
    applyInput(target, key, op.body, op.query);
    const bottomUp: MethodDecorator[] = [];
    if (op.response) bottomUp.push(ApiZodResponse(op.response, op.responseDescription) as MethodDecorator);
    if (op.status === 204) bottomUp.push(ApiEmptyResponse());
    bottomUp.push(ApiOperation({ summary: op.summary, description: op.description }));
    if (op.path.split('/').includes(':id')) bottomUp.push(ApiIdParam('id', op.id));
    if (op.roles) bottomUp.push(Roles(...op.roles));
    if (op.status) bottomUp.push(HttpCode(op.status));
    if (op.beforePasswordChange) bottomUp.push(BeforePasswordChange());
    bottomUp.push(op.public ? Public() : ApiBearerAuth());
    if (op.tag) bottomUp.push(ApiTags(op.tag));
    bottomUp.push(methods[op.method](routedPath(op.path)));
    for (const decorate of bottomUp) decorate(target, key, descriptor);
    Reflect.defineMetadata(operationMetadataKey, op, descriptor.value as object);
  };
}
