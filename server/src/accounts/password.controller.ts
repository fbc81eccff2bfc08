import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthTokens, authTokensSchema, type PasswordChange, passwordChangeSchema } from '@pass/shared';
import { BeforePasswordChange, CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { toAccountView } from './account.view.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class PasswordController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokensService,
  ) {}

  @Post('password')
  @HttpCode(200)
  @BeforePasswordChange()
  @ApiOperation({ summary: '修改自己的密码（管理员重置或密码过期后须先修改）；返回新的登录凭证' })
  @ApiZodBody(passwordChangeSchema)
  @ApiZodResponse(authTokensSchema)
  async change(
    @CurrentActor() actor: RequestActor,
    @ZodBody(passwordChangeSchema) body: PasswordChange,
  ): Promise<AuthTokens> {
    // New tokens: the old access token still says "must change the password" until it expires.
    return this.tokens.issue(toAccountView(await this.accounts.changePassword(actor.id, body)));
  }
}
