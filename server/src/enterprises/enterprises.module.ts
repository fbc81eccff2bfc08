import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WhitelistModule } from '../whitelist/whitelist.module.js';
import { EnterpriseEntity } from './enterprise.entity.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';

/** Transport enterprises: their record, verification by officials, suspension state. */
@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseEntity]), WhitelistModule],
  controllers: [EnterprisesController],
  providers: [EnterprisesService],
  exports: [EnterprisesService],
})
export class EnterprisesModule {}
