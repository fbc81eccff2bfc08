import { Module } from '@nestjs/common';
import { PassTokenService } from './pass-token.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import { TrustListController } from './trust-list.controller.js';

/** Pass signing keys, the public trust list, and `PassTokenService` for the issuance workflow. */
@Module({
  controllers: [TrustListController],
  providers: [SigningKeysService, PassTokenService],
  exports: [SigningKeysService, PassTokenService],
})
export class SigningModule {}
