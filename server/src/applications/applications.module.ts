import { Module } from '@nestjs/common';
import { ATTACHMENT_STORAGE, localDiskStorageIn } from '../attachments/attachment-storage.js';
import { AttachmentsController } from '../attachments/attachments.controller.js';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DriversController } from '../drivers/drivers.controller.js';
import { DriversService } from '../drivers/drivers.service.js';
import { IdNumberProtector } from '../drivers/id-number-protector.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { VehiclesController } from '../vehicles/vehicles.controller.js';
import { VehiclesService } from '../vehicles/vehicles.service.js';
import { ApplicationWorkflow } from './application-workflow.service.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

/** What a fleet manager registers once (vehicles, crew, documents) and the applications built from them. */
@Module({
  controllers: [VehiclesController, DriversController, AttachmentsController, ApplicationsController],
  providers: [
    VehiclesService,
    DriversService,
    IdNumberProtector,
    AttachmentsService,
    ApplicationsService,
    ApplicationWorkflow,
    SanctionsService,
    { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => localDiskStorageIn(c.dataDir) },
  ],
  exports: [
    ApplicationsService,
    ApplicationWorkflow,
    AttachmentsService,
    IdNumberProtector,
    SanctionsService,
    ATTACHMENT_STORAGE,
  ],
})
export class ApplicationsModule {}
