import { Inject, Injectable } from '@nestjs/common';
import { type AuthTokens, ErrorCode, type LoginRequest } from '@pass/shared';
import { DataSource } from 'typeorm';
import { RefreshTokenReused, TokensService } from '../auth/tokens.service.js';
import { DomainException } from '../common/domain.exception.js';
import { AccountEntity } from './account.entity.js';
import { toAccountView } from './account.view.js';
import { AccountsService } from './accounts.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { verifyPassword } from './password.js';
import { WechatClient } from './wechat.client.js';

// Compared against when the phone is unknown, so a wrong phone costs as long as a wrong password.
const decoyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottleService,
    private readonly wechat: WechatClient,
    private readonly accounts: AccountsService,
  ) {}

  async login(credentials: LoginRequest, ip: string): Promise<AuthTokens> {
    const account = await this.checkPassword(credentials, ip);
    await this.accounts.applyPasswordExpiry(account);
    return this.tokens.issue(toAccountView(account));
  }

  async refresh(refreshToken: string): Promise<AuthTokens> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { accountId, issuedAt } = await this.tokens.spendRefreshToken(refreshToken, manager);
        const account = await manager.findOneBy(AccountEntity, { id: accountId });
        if (!account) throw new DomainException(ErrorCode.Unauthenticated);
        if (account.disabledAt) throw new DomainException(ErrorCode.AccountDisabled);
        const idle = await this.accounts.idleTimeoutMs(account);
        if (idle !== null && Date.now() - issuedAt.getTime() > idle) {
          throw new DomainException(ErrorCode.Unauthenticated, '长时间未操作，请重新登录');
        }
        return this.tokens.issue(toAccountView(account), manager);
      });
    } catch (error) {
      if (error instanceof RefreshTokenReused) await this.tokens.revokeAll(error.accountId);
      throw error;
    }
  }

  async loginWithWechat(code: string): Promise<AuthTokens> {
    const openid = await this.wechat.openidForCode(code);
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ wechatOpenid: openid });
    if (!account) throw new DomainException(ErrorCode.AccountNotBound);
    if (account.disabledAt) throw new DomainException(ErrorCode.AccountDisabled);
    return this.tokens.issue(toAccountView(account));
  }

  /** Proves the account with its password once, then binds the WeChat user to it for later sign-ins. */
  async bindWechat(request: LoginRequest & { code: string }, ip: string): Promise<AuthTokens> {
    const account = await this.checkPassword(request, ip);
    const openid = await this.wechat.openidForCode(request.code);
    const repo = this.dataSource.getRepository(AccountEntity);
    const holder = await repo.findOneBy({ wechatOpenid: openid });
    if (holder && holder.id !== account.id) {
      throw new DomainException(ErrorCode.Conflict, '该微信已绑定其他账号');
    }
    account.wechatOpenid = openid;
    await repo.save(account);
    return this.tokens.issue(toAccountView(account));
  }

  private async checkPassword({ phone, password }: LoginRequest, ip: string): Promise<AccountEntity> {
    // Counted before the (slow) check, so guesses sent at once cannot all slip under the limit.
    await this.throttle.begin(phone, ip);
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ phone });
    const matches = await verifyPassword(password, account?.passwordHash ?? decoyHash);
    if (!account || !matches) throw new DomainException(ErrorCode.InvalidCredentials);
    await this.throttle.succeeded(phone, ip);
    // Only after the password is proven, so a stranger cannot learn that an account exists.
    if (account.disabledAt) throw new DomainException(ErrorCode.AccountDisabled);
    return account;
  }
}
