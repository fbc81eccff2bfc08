import { Controller, Ip } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AccountView,
  type AuthTokens,
  accountViewSchema,
  type LoginRequest,
  loginSchema,
  refreshTokenSchema,
  wechatBindSchema,
  wechatLoginSchema,
} from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route, SignIn } from '../auth/route.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { AccountsService } from './accounts.service.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokensService,
    private readonly accounts: AccountsService,
  ) {}

  @SignIn('login', '手机号码和密码登录', loginSchema)
  login(@Input() body: LoginRequest, @Ip() ip: string): Promise<AuthTokens> {
    return this.auth.login(body, ip);
  }

  @SignIn('refresh', '用刷新凭证换取新的登录凭证（旧凭证随即失效）', refreshTokenSchema)
  refresh(@Input() body: { refreshToken: string }): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Route.action('logout', { summary: '退出登录（作废刷新凭证）', status: 204, public: true, body: refreshTokenSchema })
  async logout(@Input() body: { refreshToken: string }): Promise<void> {
    await this.tokens.revoke(body.refreshToken);
  }

  @SignIn('wechat', '微信登录（wx.login 的 code）；未绑定的微信返回 ACCOUNT_NOT_BOUND', wechatLoginSchema)
  wechat(@Input() body: { code: string }): Promise<AuthTokens> {
    return this.auth.loginWithWechat(body.code);
  }

  @SignIn('wechat/bind', '用手机号码和密码验证后，将微信绑定到该账号', wechatBindSchema)
  bindWechat(@Input() body: LoginRequest & { code: string }, @Ip() ip: string): Promise<AuthTokens> {
    return this.auth.bindWechat(body, ip);
  }

  @Route.get('me', { summary: '当前登录的账号', response: accountViewSchema, beforePasswordChange: true })
  me(@CurrentActor() actor: RequestActor): Promise<AccountView> {
    return this.accounts.view(actor.id);
  }
}
