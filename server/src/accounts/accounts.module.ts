import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckpointsModule } from '../checkpoints/checkpoints.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { AccountEntity } from './account.entity.js';
import { AccountLockoutsController } from './account-lockouts.controller.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsService } from './accounts.service.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordController } from './password.controller.js';
import { RegistrationController } from './registration.controller.js';
import { RegistrationAttemptEntity } from './registration-attempt.entity.js';
import { RegistrationThrottleService } from './registration-throttle.service.js';
import { WechatClient } from './wechat.client.js';

/** Who may sign in and as what: staff accounts, fleet-manager sign-up, sign-in, passwords, lockouts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AccountEntity, LoginFailureEntity, RegistrationAttemptEntity]),
    EnterprisesModule,
    CheckpointsModule,
  ],
  controllers: [
    AuthController,
    AccountsController,
    PasswordController,
    AccountLockoutsController,
    RegistrationController,
  ],
  providers: [AccountsService, AuthService, LoginThrottleService, RegistrationThrottleService, WechatClient],
  exports: [AccountsService],
})
export class AccountsModule {}
