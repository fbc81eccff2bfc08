import { Controller, Param } from '@nestjs/common';
import { type CalendarDay, chinaToday, ErrorCode, holidayRoutes, holidayYearParamSchema } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { ApiZodParam } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { HolidaysService } from './holidays.service.js';

@Controller()
export class HolidaysController extends ServiceRoutes(HolidaysService, holidayRoutes, {
  year: (holidays, { input }) => holidays.year(input.year ?? Number(chinaToday().slice(0, 4))),
}) {
  @Endpoint(holidayRoutes.replace)
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
    return this.service.replaceYear(actor, year, body.days);
  }
}
