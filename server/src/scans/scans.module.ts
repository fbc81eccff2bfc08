import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckpointsModule } from '../checkpoints/checkpoints.module.js';
import { PassesModule } from '../passes/passes.module.js';
import { CloneAlertEntity } from './clone-alert.entity.js';
import { ScanRecordEntity } from './scan-record.entity.js';
import { ScansController } from './scans.controller.js';
import { ScansService } from './scans.service.js';

/** Scan uploads from checkpoints (often late, from offline devices), trip traces and clone alerts. */
@Module({
  imports: [TypeOrmModule.forFeature([ScanRecordEntity, CloneAlertEntity]), PassesModule, CheckpointsModule],
  controllers: [ScansController],
  providers: [ScansService],
  exports: [ScansService],
})
export class ScansModule {}
