import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthTokens, authTokensSchema, type PasswordChange, passwordChangeSchema } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { toAccountView } from './account.view.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('auth')
@Controller('auth')
export class PasswordController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  @Route.action('password', {
    summary: '修改自己的密码（管理员重置或密码过期后须先修改）；返回新的登录凭证',
    response: authTokensSchema,
    beforePasswordChange: true,
    body: passwordChangeSchema,
  })
  async change(@CurrentActor() actor: RequestActor, @Input() body: PasswordChange): Promise<AuthTokens> {
    // New tokens: the old access token still says "must change the password" until it expires.
    return this.tokens.issue(toAccountView(await this.accounts.changePassword(actor.id, body)));
  }
}
