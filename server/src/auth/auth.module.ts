import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SECRETS, type Secrets } from '../config/secrets.js';
import { AuthGuard } from './auth.guard.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { TokensService } from './tokens.service.js';

/**
 * Core: the global guard, the route decorators and the tokens it checks. Signing in (which reads
 * accounts) lives in the accounts module, above this one.
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SECRETS],
      useFactory: (secrets: Secrets) => ({ secret: secrets.jwtSecret, signOptions: { algorithm: 'HS256' } }),
    }),
    TypeOrmModule.forFeature([RefreshTokenEntity]),
  ],
  providers: [TokensService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokensService],
})
export class AuthModule {}
