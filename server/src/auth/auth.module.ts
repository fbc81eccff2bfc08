import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccountLockoutsController } from '../accounts/account-lockouts.controller.js';
import { AccountsController } from '../accounts/accounts.controller.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuthController } from '../accounts/auth.controller.js';
import { AuthService } from '../accounts/auth.service.js';
import { LoginThrottleService } from '../accounts/login-throttle.service.js';
import { PasswordController } from '../accounts/password.controller.js';
import { WechatClient } from '../accounts/wechat.client.js';
import { SECRETS, type Secrets } from '../config/secrets.js';
import { AuthGuard } from './auth.guard.js';
import { TokensService } from './tokens.service.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => ({ secret: secrets.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController, AccountsController, PasswordController, AccountLockoutsController],
  providers: [
    AuthService,
    AccountsService,
    TokensService,
    LoginThrottleService,
    WechatClient,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokensService, AccountsService],
})
export class AuthModule {}
