import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckpointsModule } from '../checkpoints/checkpoints.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PassesModule } from '../passes/passes.module.js';
import { CloneAlertEntity } from './clone-alert.entity.js';
import { CloneAlertNotices } from './clone-alert-notices.js';
import { ScanRecordEntity } from './scan-record.entity.js';
import { ScansController } from './scans.controller.js';
import { ScansService } from './scans.service.js';

/** Scan uploads from checkpoints (often late, from offline devices), trip traces and clone alerts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ScanRecordEntity, CloneAlertEntity]),
    PassesModule,
    CheckpointsModule,
    NotificationsModule,
  ],
  controllers: [ScansController],
  providers: [ScansService, CloneAlertNotices],
  exports: [ScansService],
})
export class ScansModule {}
