import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { ALLOWED_ROLES, type AuthenticatedRequest, BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE } from './auth.decorators.js';
import { TokensService } from './tokens.service.js';

/** What the decorators of one handler (and its controller) say about access. */
type RouteAccess = { isPublic: boolean; beforePasswordChange: boolean; roles: Role[] | undefined };

/**
 * Global: every route needs a valid access token unless marked @Public; @Roles narrows it further. A
 * crew session reaches only routes whose roles name it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * Per handler, read once: decorators are fixed when the class is defined, and the reflector's three
   * lookups over handler and class ran on every request, public verification included (docs/scaling.md §6.7).
   */
  private readonly access = new WeakMap<object, { controller: object; access: RouteAccess }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const { isPublic, beforePasswordChange, roles } = this.routeAccess(context.getHandler(), context.getClass());
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException(ErrorCode.Unauthenticated);
    request.actor = this.tokens.verifyAccessToken(token);
    // Enforced here, not only by the app's screens: a temporary password opens nothing but its change.
    if (request.actor.mustChangePassword && !beforePasswordChange) {
      throw new DomainException(ErrorCode.PasswordChangeRequired);
    }

    // A crew session is let in only where a route names it: a route open to "every signed-in account"
    // (settings, attachments, the message centre…) was written for accounts, not for a driver's phone.
    if (request.actor.role === Role.Crew && !roles?.includes(Role.Crew)) {
      throw new DomainException(ErrorCode.Forbidden);
    }
    if (roles && !roles.includes(request.actor.role)) throw new DomainException(ErrorCode.Forbidden);
    return true;
  }

  private routeAccess(handler: object, controller: object): RouteAccess {
    const known = this.access.get(handler);
    // A handler inherited by another controller reads that controller's decorators.
    if (known?.controller === controller) return known.access;
    const targets = [handler, controller] as Parameters<Reflector['getAllAndOverride']>[1];
    const access: RouteAccess = {
      isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
      beforePasswordChange: this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets) ?? false,
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets),
    };
    this.access.set(handler, { controller, access });
    return access;
  }
}
