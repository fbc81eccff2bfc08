import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { ALLOWED_ROLES, type AuthenticatedRequest, BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE } from './auth.decorators.js';
import { TokensService } from './tokens.service.js';

/**
 * Global: every route needs a valid access token unless marked @Public; @Roles narrows it further. A
 * crew session reaches only routes whose roles name it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainException(ErrorCode.Unauthenticated);
    request.actor = this.tokens.verifyAccessToken(token);
    // Enforced here, not only by the app's screens: a temporary password opens nothing but its change.
    if (
      request.actor.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets)
    ) {
      throw new DomainException(ErrorCode.PasswordChangeRequired);
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    // A crew session is let in only where a route names it: a route open to "every signed-in account"
    // (settings, attachments, the message centre…) was written for accounts, not for a driver's phone.
    if (request.actor.role === Role.Crew && !roles?.includes(Role.Crew)) {
      throw new DomainException(ErrorCode.Forbidden);
    }
    if (roles && !roles.includes(request.actor.role)) throw new DomainException(ErrorCode.Forbidden);
    return true;
  }
}
