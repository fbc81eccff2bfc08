import { Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { BeforePasswordChange, CurrentActor, Public, type RequestActor } from '../auth/auth.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { ApiZodBody, ZodBody } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse } from '../common/api-response.js';
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

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '手机号码和密码登录' })
  @ApiZodBody(loginSchema)
  @ApiZodResponse(authTokensSchema)
  login(@ZodBody(loginSchema) body: LoginRequest, @Ip() ip: string): Promise<AuthTokens> {
    return this.auth.login(body, ip);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新凭证换取新的登录凭证（旧凭证随即失效）' })
  @ApiZodBody(refreshTokenSchema)
  @ApiZodResponse(authTokensSchema)
  refresh(@ZodBody(refreshTokenSchema) body: { refreshToken: string }): Promise<AuthTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录（作废刷新凭证）' })
  @ApiZodBody(refreshTokenSchema)
  @ApiEmptyResponse()
  async logout(@ZodBody(refreshTokenSchema) body: { refreshToken: string }): Promise<void> {
    await this.tokens.revoke(body.refreshToken);
  }

  @Public()
  @Post('wechat')
  @HttpCode(200)
  @ApiOperation({ summary: '微信登录（wx.login 的 code）；未绑定的微信返回 ACCOUNT_NOT_BOUND' })
  @ApiZodBody(wechatLoginSchema)
  @ApiZodResponse(authTokensSchema)
  wechat(@ZodBody(wechatLoginSchema) body: { code: string }): Promise<AuthTokens> {
    return this.auth.loginWithWechat(body.code);
  }

  @Public()
  @Post('wechat/bind')
  @HttpCode(200)
  @ApiOperation({ summary: '用手机号码和密码验证后，将微信绑定到该账号' })
  @ApiZodBody(wechatBindSchema)
  @ApiZodResponse(authTokensSchema)
  bindWechat(@ZodBody(wechatBindSchema) body: LoginRequest & { code: string }, @Ip() ip: string): Promise<AuthTokens> {
    return this.auth.bindWechat(body, ip);
  }

  @Get('me')
  @BeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录的账号' })
  @ApiZodResponse(accountViewSchema)
  me(@CurrentActor() actor: RequestActor): Promise<AccountView> {
    return this.accounts.view(actor.id);
  }
}
