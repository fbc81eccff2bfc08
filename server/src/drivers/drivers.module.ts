import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DriverEntity } from './driver.entity.js';
import { DriversController } from './drivers.controller.js';
import { DriversService } from './drivers.service.js';
import { IdNumberProtector } from './id-number-protector.js';

/** An enterprise's drivers, co-drivers and escorts; their ID numbers never leave this module in clear. */
@Module({
  imports: [TypeOrmModule.forFeature([DriverEntity])],
  controllers: [DriversController],
  providers: [DriversService, IdNumberProtector],
  exports: [DriversService],
})
export class DriversModule {}
