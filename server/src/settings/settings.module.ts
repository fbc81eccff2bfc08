import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProvinceSettingsVersionEntity } from './province-settings-version.entity.js';
import { SettingsController } from './settings.controller.js';
import { SettingsService } from './settings.service.js';

/** The province's rules as data; every module that applies them asks here. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ProvinceSettingsVersionEntity])],
  controllers: [SettingsController],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
