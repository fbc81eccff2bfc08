import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DriversModule } from '../drivers/drivers.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CrewController } from './crew.controller.js';
import { CrewSignInEntity } from './crew-sign-in.entity.js';
import { CrewSignInService } from './crew-sign-in.service.js';

/**
 * Crew sign-in (驾驶员/押运员登录): SMS codes to the phone on a driver record and the crew sessions they
 * open. What a crew session may see is the passes module's rule (`PassesService.list`, `get`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CrewSignInEntity]), DriversModule, NotificationsModule],
  controllers: [CrewController],
  providers: [CrewSignInService],
})
export class CrewModule {}
