import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { PassesModule } from '../passes/passes.module.js';
import { QuotasModule } from '../quotas/quotas.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

/** Officials' and admins' figures over applications, passes and quotas, and the pass register export. */
@Module({
  imports: [ApplicationsModule, PassesModule, QuotasModule],
  controllers: [StatsController],
  providers: [StatsService],
  exports: [StatsService],
})
export class StatsModule {}
