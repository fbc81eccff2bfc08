import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarDayEntity } from './calendar-day.entity.js';
import { HolidaysController } from './holidays.controller.js';
import { HolidaysService } from './holidays.service.js';

/** The holiday calendar that review deadlines count working days on. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarDayEntity])],
  controllers: [HolidaysController],
  providers: [HolidaysService],
  exports: [HolidaysService],
})
export class HolidaysModule {}
