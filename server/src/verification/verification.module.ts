import { Module } from '@nestjs/common';
import { DepartmentsModule } from '../departments/departments.module.js';
import { FederationModule } from '../federation/federation.module.js';
import { PassesModule } from '../passes/passes.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { PassFacts } from './pass-facts.js';
import { PassPageController, VerificationController } from './verification.controller.js';
import { VerificationService } from './verification.service.js';

/** What checkpoints and the public use to verify a pass, online and offline (status list). */
@Module({
  imports: [SigningModule, PassesModule, DepartmentsModule, FederationModule],
  controllers: [VerificationController, PassPageController],
  providers: [VerificationService, PassFacts],
  exports: [VerificationService],
})
export class VerificationModule {}
