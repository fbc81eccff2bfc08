import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { DriversModule } from '../drivers/drivers.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { HolidaysModule } from '../holidays/holidays.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SanctionsModule } from '../sanctions/sanctions.module.js';
import { VehiclesModule } from '../vehicles/vehicles.module.js';
import { WhitelistModule } from '../whitelist/whitelist.module.js';
import { ApplicationEntity } from './application.entity.js';
import { ApplicationEventEntity } from './application-event.entity.js';
import { ApplicationNotices } from './application-notices.js';
import { ApplicationWorkflow } from './application-workflow.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { ReviewQueueQueries } from './review-queue.queries.js';
import { ReviewStepCountEntity } from './review-step-count.entity.js';

/** Applications for a pass, built from an enterprise's registered vehicles, crew and documents. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ApplicationEntity, ApplicationEventEntity, ReviewStepCountEntity]),
    VehiclesModule,
    DriversModule,
    AttachmentsModule,
    EnterprisesModule,
    WhitelistModule,
    SanctionsModule,
    HolidaysModule,
    NotificationsModule,
  ],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationWorkflow, ApplicationNotices, ReviewQueueQueries],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
