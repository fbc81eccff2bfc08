import { Controller } from '@nestjs/common';
import { type AccountListQuery, type AdminAccountView, accountRoutes } from '@pass/shared';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { AccountsService } from './accounts.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

@Controller()
export class AccountsController extends ServiceRoutes(AccountsService, accountRoutes, {
  create: (accounts, { actor, input }) => accounts.createStaff(actor, input),
  update: (accounts, { actor, id, input }) => accounts.update(actor, id, input),
  disable: (accounts, { actor, id }) => accounts.setDisabled(actor, id, true),
  enable: (accounts, { actor, id }) => accounts.setDisabled(actor, id, false),
  resetPassword: (accounts, { actor, id, input }) => accounts.resetPassword(actor, id, input.password),
}) {
  constructor(
    accounts: AccountsService,
    private readonly throttle: LoginThrottleService,
  ) {
    super(accounts);
  }

  /** The accounts with the sign-in lockout the throttle holds (not a column of theirs). */
  @Endpoint(accountRoutes.list)
  async list(@Input() query: AccountListQuery): Promise<AdminAccountView[]> {
    const accounts = await this.service.list(query);
    const locked = await this.throttle.lockedUntil(accounts.map((a) => a.phone));
    return accounts.map((a) => ({ ...a, lockedUntil: locked.get(a.phone)?.toISOString() ?? null }));
  }
}
