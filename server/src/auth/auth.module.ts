import { createSecretKey } from 'node:crypto';
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
      // A KeyObject, made once: given the string, jsonwebtoken tries it as a public key on every request
      // (an exception thrown and caught) before making the secret key, 4-7 % of the server's CPU in a
      // profile of the issuance bench (issue 18).
      useFactory: (secrets: Secrets) => ({
        secret: createSecretKey(Buffer.from(secrets.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    TypeOrmModule.forFeature([RefreshTokenEntity]),
  ],
  providers: [TokensService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokensService],
})
export class AuthModule {}
