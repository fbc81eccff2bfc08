import { Controller, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type HealthStatus, healthStatusSchema } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { Route } from '../auth/route.decorators.js';
import { ApiZodResponse } from '../common/api-response.js';
import { openApiSchema } from '../common/openapi-schema.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Route.get({ summary: '服务与数据库状态', public: true })
  @ApiZodResponse(healthStatusSchema, 'The server and its database are up.')
  @ApiServiceUnavailableResponse({
    description: 'The database cannot be reached.',
    schema: openApiSchema(healthStatusSchema, 'output'),
  })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus> {
    const status = await this.health.check();
    if (status.status !== 'ok') reply.status(503);
    return status;
  }
}
