import { Module } from '@nestjs/common';
import { RegistrationThrottleService } from '../accounts/registration-throttle.service.js';
import { WhitelistController } from '../whitelist/whitelist.controller.js';
import { WhitelistService } from '../whitelist/whitelist.service.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';

@Module({
  controllers: [EnterprisesController, WhitelistController],
  providers: [EnterprisesService, RegistrationThrottleService, WhitelistService],
  exports: [EnterprisesService],
})
export class EnterprisesModule {}
