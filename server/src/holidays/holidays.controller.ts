import { Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CalendarDay,
  calendarDaySchema,
  chinaToday,
  ErrorCode,
  holidayQuerySchema,
  holidayYearParamSchema,
  holidayYearSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { ApiZodParam } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { HolidaysService } from './holidays.service.js';

@ApiTags('settings')
@Controller()
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Route.get('holidays', {
    summary: '某年的节假日与调休上班日（默认今年），办理时限按此计算工作日',
    response: z.array(calendarDaySchema),
    public: true,
    query: holidayQuerySchema,
  })
  year(@Input() query: { year?: number }): Promise<CalendarDay[]> {
    return this.holidays.year(query.year ?? Number(chinaToday().slice(0, 4)));
  }

  @Route.put('admin/holidays/:year', {
    summary: '整年替换节假日与调休上班日（按国务院办公厅通知录入）',
    roles: [Role.Admin],
    response: z.array(calendarDaySchema),
    body: holidayYearSchema,
  })
  @ApiZodParam('year', holidayYearParamSchema, '年份')
  replace(
    @CurrentActor() actor: RequestActor,
    @Param('year', new ZodValidationPipe(holidayYearParamSchema)) year: number,
    @Input() body: { days: CalendarDay[] },
  ): Promise<CalendarDay[]> {
    const outside = body.days.findIndex((day) => !day.date.startsWith(`${year}-`));
    if (outside >= 0) {
      throw new DomainException(ErrorCode.ValidationFailed, `日期应在${year}年内`, [
        { path: `days.${outside}.date`, message: `日期应在${year}年内` },
      ]);
    }
    return this.holidays.replaceYear(actor, year, body.days);
  }
}
