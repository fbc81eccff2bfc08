import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DriversModule } from '../drivers/drivers.module.js';
import { VehiclesModule } from '../vehicles/vehicles.module.js';
import { AttachmentEntity } from './attachment.entity.js';
import { ATTACHMENT_STORAGE, localDiskStorageIn } from './attachment-storage.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

/** Uploaded documents (licences, permits), those held by vehicles and people, and where their bytes are kept. */
@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity]), VehiclesModule, DriversModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => localDiskStorageIn(c.dataDir) },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
