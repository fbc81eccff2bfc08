import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, UserActor } from '@pass/shared';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_ROUTE = 'auth:public';
export const BEFORE_PASSWORD_CHANGE = 'auth:before-password-change';
export const ALLOWED_ROLES = 'auth:roles';

/** Reachable without signing in (login, registration, public verification, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; every other signed-in role gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * Callable by an account that must change its password first (after an admin reset it, or when it
 * expired): only what it takes to see who one is and to change it. Every other route answers 403.
 */
export const BeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/** The signed-in account as the workflow rules see it. */
export type RequestActor = UserActor & {
  name: string;
  department: string | null;
  checkpointId: string | null;
  /** A crew session: the phone its driver records are found by (the only scope it has); null otherwise. */
  phone: string | null;
  /** The account must choose a new password before it may do anything else. */
  mustChangePassword: boolean;
};

export type AuthenticatedRequest = FastifyRequest & { actor?: RequestActor };

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): RequestActor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
