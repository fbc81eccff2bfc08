import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module.js';
import { PassDocumentsModule } from '../pass-documents/pass-documents.module.js';
import { PassTokenService } from './pass-token.service.js';
import { PublishedTrustListService } from './published-trust-list.service.js';
import { SigningKeysService } from './signing-keys.service.js';
import { TrustListController } from './trust-list.controller.js';

/** Pass signing keys, the public trust list, and `PassTokenService` for the issuance workflow. */
@Module({
  imports: [DepartmentsModule, PassDocumentsModule],
  controllers: [TrustListController],
  providers: [SigningKeysService, PassTokenService, PublishedTrustListService],
  exports: [SigningKeysService, PassTokenService, PublishedTrustListService],
})
export class SigningModule {}
