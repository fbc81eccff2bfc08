import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccountsController } from '../accounts/accounts.controller.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { PasswordController } from '../accounts/password.controller.js';
import { SECRETS, type Secrets } from '../config/secrets.js';
import { AccountLockoutsController } from './account-lockouts.controller.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { TokensService } from './tokens.service.js';
import { WechatClient } from './wechat.client.js';

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
