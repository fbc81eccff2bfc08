import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, UserActor } from '@pass/shared';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** Reachable without signing in (login, registration, public verification, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; every other signed-in role gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The signed-in account as the workflow rules see it. */
export type RequestActor = UserActor & { name: string; department: string | null; checkpointId: string | null };

export type AuthenticatedRequest = FastifyRequest & { actor?: RequestActor };

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): RequestActor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
