import { Module } from '@nestjs/common';
import { CheckpointsController } from '../checkpoints/checkpoints.controller.js';
import { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { ReviewModule } from '../reviews/review.module.js';
import { ScansController } from '../scans/scans.controller.js';
import { ScansService } from '../scans/scans.service.js';
import { SigningModule } from '../signing/signing.module.js';
import { PassPageController, VerificationController } from './verification.controller.js';
import { VerificationService } from './verification.service.js';

/** What checkpoints use: verification online and offline, scan uploads, trip traces, clone alerts. */
@Module({
  imports: [SigningModule, ReviewModule, DepartmentsModule],
  controllers: [VerificationController, PassPageController, ScansController, CheckpointsController],
  providers: [VerificationService, ScansService, CheckpointsService],
})
export class VerificationModule {}
