import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuotaAllocationEntity } from './quota-allocation.entity.js';
import { QuotasController } from './quotas.controller.js';
import { QuotasService } from './quotas.service.js';

/** Pass quotas per jurisdiction and period, and how much of each is used. */
@Module({
  imports: [TypeOrmModule.forFeature([QuotaAllocationEntity])],
  controllers: [QuotasController],
  providers: [QuotasService],
  exports: [QuotasService],
})
export class QuotasModule {}
