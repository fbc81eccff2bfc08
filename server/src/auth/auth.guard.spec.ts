import { describe, expect, it } from '@jest/globals';
import { Controller, type ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { Public, Roles } from './auth.decorators.js';
import { AuthGuard } from './auth.guard.js';
import type { TokensService } from './tokens.service.js';

/** One handler, inherited by a public controller and by one that needs a signed-in admin. */
class Base {
  @Get('x')
  handle(): string {
    return 'x';
  }
}
@Controller()
@Public()
class PublicController extends Base {}
@Controller()
@Roles(Role.Admin)
class AdminController extends Base {}

const official = { role: Role.Official, mustChangePassword: false };
const tokens = { verifyAccessToken: () => official } as unknown as TokensService;

function contextFor(controller: object, authorization?: string): ExecutionContext {
  const request = { headers: authorization ? { authorization } : {} };
  return {
    getHandler: () => Base.prototype.handle,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
  return 'allowed';
};

describe('AuthGuard', () => {
  it('reads each route’s decorators once, per controller as well as per handler', () => {
    const guard = new AuthGuard(new Reflector(), tokens);
    for (let round = 0; round < 2; round++) {
      // The access read for the public controller must not open the same handler under the admin one.
      expect(refusal(() => guard.canActivate(contextFor(PublicController)))).toBe('allowed');
      expect(refusal(() => guard.canActivate(contextFor(AdminController)))).toBe(ErrorCode.Unauthenticated);
      expect(refusal(() => guard.canActivate(contextFor(AdminController, 'Bearer t')))).toBe(ErrorCode.Forbidden);
    }
  });
});
