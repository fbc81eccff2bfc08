import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Statistics } from '@pass/shared';
import { Role } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@ApiBearerAuth()
@Roles(Role.Official, Role.Admin)
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({ summary: '统计：每日及各类别签发数量、待审核与逾期数量、配额使用' })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD，默认30天前' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD，默认今天' })
  statistics(
    @CurrentActor() actor: RequestActor,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<Statistics> {
    return this.stats.statistics(actor, from, to);
  }

  @Get('issued.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: '导出签发明细（CSV）' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  async csv(
    @CurrentActor() actor: RequestActor,
    @Res() reply: FastifyReply,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<void> {
    const csv = await this.stats.issuedCsv(actor, from, to);
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="issued-passes.csv"')
      .send(csv);
  }
}
