import { Controller, Res } from '@nestjs/common';
import { type StatsQuery, statsRoutes } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { ApiContentResponse } from '../common/api-response.js';
import { StatsService } from './stats.service.js';

@Controller()
export class StatsController extends ServiceRoutes(StatsService, statsRoutes, {
  statistics: (stats, { actor, input }) => stats.statistics(actor, input.from, input.to),
}) {
  @Endpoint(statsRoutes.issuedCsv)
  @ApiContentResponse('签发明细 CSV', 'text/csv')
  async csv(@CurrentActor() actor: RequestActor, @Res() reply: FastifyReply, @Input() query: StatsQuery) {
    const csv = await this.service.issuedCsv(actor, query.from, query.to);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="issued-passes.csv"')
      .send(csv);
  }
}
