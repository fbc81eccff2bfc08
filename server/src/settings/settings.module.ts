import { Global, Module } from '@nestjs/common';
import { HolidaysController } from '../holidays/holidays.controller.js';
import { HolidaysService } from '../holidays/holidays.service.js';
import { SettingsController } from './settings.controller.js';
import { SettingsService } from './settings.service.js';

/** The province's rules and the holiday calendar as data; every module that applies them asks here. */
@Global()
@Module({
  controllers: [SettingsController, HolidaysController],
  providers: [SettingsService, HolidaysService],
  exports: [SettingsService, HolidaysService],
})
export class SettingsModule {}
