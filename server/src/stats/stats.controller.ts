import { Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Statistics } from '@pass/shared';
import { Role, type StatsQuery, statisticsSchema, statsQuerySchema } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { ApiContentResponse } from '../common/api-response.js';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@Roles(Role.Official, Role.Admin)
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Route.get({
    summary: '统计：每日及各类别签发数量、待审核与逾期数量、配额使用',
    response: statisticsSchema,
    query: statsQuerySchema,
  })
  statistics(@CurrentActor() actor: RequestActor, @Input() query: StatsQuery): Promise<Statistics> {
    return this.stats.statistics(actor, query.from, query.to);
  }

  @Route.get('issued.csv', { summary: '导出签发明细（CSV）', query: statsQuerySchema })
  @ApiContentResponse('签发明细 CSV', 'text/csv')
  async csv(@CurrentActor() actor: RequestActor, @Res() reply: FastifyReply, @Input() query: StatsQuery) {
    const csv = await this.stats.issuedCsv(actor, query.from, query.to);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="issued-passes.csv"')
      .send(csv);
  }
}
