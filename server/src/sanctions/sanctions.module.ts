import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DriversModule } from '../drivers/drivers.module.js';
import { EnterprisesModule } from '../enterprises/enterprises.module.js';
import { BlacklistEntryEntity } from './blacklist-entry.entity.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsService } from './sanctions.service.js';

/** The blacklist and enterprise suspensions (熔断), and the checks applications and issuance run against them. */
@Module({
  imports: [TypeOrmModule.forFeature([BlacklistEntryEntity]), DriversModule, EnterprisesModule],
  controllers: [SanctionsController],
  providers: [SanctionsService],
  exports: [SanctionsService],
})
export class SanctionsModule {}
