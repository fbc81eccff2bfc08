import { Controller, Ip } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AccountView,
  type AuthTokens,
  accountViewSchema,
  authTokensSchema,
  type LoginRequest,
  loginSchema,
  refreshTokenSchema,
  wechatBindSchema,
  wechatLoginSchema,
} from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Route } from '../auth/route.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { ZodBody } from '../common/api-body.js';
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

  @Route.post('login', { summary: '手机号码和密码登录', status: 200, response: authTokensSchema, public: true })
  login(@ZodBody(loginSchema) body: LoginRequest, @Ip() ip: string): Promise<AuthTokens> {
    return this.auth.login(body, ip);
  }

  @Route.post('refresh', {
    summary: '用刷新凭证换取新的登录凭证（旧凭证随即失效）',
    status: 200,
    response: authTokensSchema,
    public: true,
  })
  refresh(@ZodBody(refreshTokenSchema) body: { refreshToken: string }): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Route.post('logout', { summary: '退出登录（作废刷新凭证）', status: 204, public: true })
  async logout(@ZodBody(refreshTokenSchema) body: { refreshToken: string }): Promise<void> {
    await this.tokens.revoke(body.refreshToken);
  }

  @Route.post('wechat', {
    summary: '微信登录（wx.login 的 code）；未绑定的微信返回 ACCOUNT_NOT_BOUND',
    status: 200,
    response: authTokensSchema,
    public: true,
  })
  wechat(@ZodBody(wechatLoginSchema) body: { code: string }): Promise<AuthTokens> {
    return this.auth.loginWithWechat(body.code);
  }

  @Route.post('wechat/bind', {
    summary: '用手机号码和密码验证后，将微信绑定到该账号',
    status: 200,
    response: authTokensSchema,
    public: true,
  })
  bindWechat(@ZodBody(wechatBindSchema) body: LoginRequest & { code: string }, @Ip() ip: string): Promise<AuthTokens> {
    return this.auth.bindWechat(body, ip);
  }

  @Route.get('me', { summary: '当前登录的账号', response: accountViewSchema, beforePasswordChange: true })
  me(@CurrentActor() actor: RequestActor): Promise<AccountView> {
    return this.accounts.view(actor.id);
  }
}
