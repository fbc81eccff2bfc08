import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { DriversModule } from '../drivers/drivers.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { PassesModule } from '../passes/passes.module.js';
import { QuotasModule } from '../quotas/quotas.module.js';
import { SanctionsModule } from '../sanctions/sanctions.module.js';
import { VehiclesModule } from '../vehicles/vehicles.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';

/** The officials' side of an application: the queue at their step, what helps decide, and the decision. */
@Module({
  imports: [
    ApplicationsModule,
    EnterprisesModule,
    VehiclesModule,
    DriversModule,
    AttachmentsModule,
    SanctionsModule,
    QuotasModule,
    PassesModule,
  ],
  controllers: [ReviewsController],
  providers: [ReviewsService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
