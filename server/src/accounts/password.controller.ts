import { Controller } from '@nestjs/common';
import { type AuthTokens, authRoutes, type PasswordChange } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { toAccountView } from './account.view.js';
import { AccountsService } from './accounts.service.js';

@Controller()
export class PasswordController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  @Endpoint(authRoutes.changePassword)
  async change(@CurrentActor() actor: RequestActor, @Input() body: PasswordChange): Promise<AuthTokens> {
    // New tokens: the old access token still says "must change the password" until it expires.
    return this.tokens.issue(toAccountView(await this.accounts.changePassword(actor.id, body)));
  }
}
