import { Controller, Ip } from '@nestjs/common';
import { type AccountView, type AuthTokens, authRoutes, type LoginRequest } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { TokensService } from '../auth/tokens.service.js';
import { AccountsService } from './accounts.service.js';
import { AuthService } from './auth.service.js';

/** Signing in and out; the handlers that need the client's address or another service are methods. */
@Controller()
export class AuthController extends ServiceRoutes(AuthService, authRoutes, {
  refresh: (auth, { input }) => auth.refresh(input.refreshToken),
  wechat: (auth, { input }) => auth.loginWithWechat(input.code),
}) {
  constructor(
    auth: AuthService,
    private readonly tokens: TokensService,
    private readonly accounts: AccountsService,
  ) {
    super(auth);
  }

  @Endpoint(authRoutes.login)
  login(@Input() body: LoginRequest, @Ip() ip: string): Promise<AuthTokens> {
    return this.service.login(body, ip);
  }

  @Endpoint(authRoutes.logout)
  async logout(@Input() body: { refreshToken: string }): Promise<void> {
    await this.tokens.revoke(body.refreshToken);
  }

  @Endpoint(authRoutes.bindWechat)
  bindWechat(@Input() body: LoginRequest & { code: string }, @Ip() ip: string): Promise<AuthTokens> {
    return this.service.bindWechat(body, ip);
  }

  @Endpoint(authRoutes.me)
  me(@CurrentActor() actor: RequestActor): Promise<AccountView> {
    return this.accounts.view(actor.id);
  }
}
