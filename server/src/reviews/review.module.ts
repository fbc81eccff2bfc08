import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AdminController } from '../audit/admin.controller.js';
import { DepartmentsModule } from '../departments/departments.module.js';
import { PassDocumentsModule } from '../pass-documents/pass-documents.module.js';
import { IssuanceService } from '../passes/issuance.service.js';
import { PassesController } from '../passes/passes.controller.js';
import { PassesService } from '../passes/passes.service.js';
import { QuotasService } from '../quotas/quotas.service.js';
import { SigningModule } from '../signing/signing.module.js';
import { StatsController } from '../stats/stats.controller.js';
import { StatsService } from '../stats/stats.service.js';
import { StatusListService } from '../verification/status-list.service.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

/** The officials' half: review, issuance, passes, quotas, sanctions, audit and statistics. */
@Module({
  imports: [ApplicationsModule, SigningModule, PassDocumentsModule, DepartmentsModule],
  controllers: [ReviewsController, PassesController, AdminController, StatsController],
  providers: [ReviewsService, IssuanceService, PassesService, QuotasService, StatsService, StatusListService],
  exports: [PassesService, StatusListService],
})
export class ReviewModule {}
