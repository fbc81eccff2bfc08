import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckpointEntity } from './checkpoint.entity.js';
import { CheckpointsController } from './checkpoints.controller.js';
import { CheckpointsService } from './checkpoints.service.js';

/** The province's checkpoints (卡口): where staff are posted and scans come from. */
@Module({
  imports: [TypeOrmModule.forFeature([CheckpointEntity])],
  controllers: [CheckpointsController],
  providers: [CheckpointsService],
  exports: [CheckpointsService],
})
export class CheckpointsModule {}
