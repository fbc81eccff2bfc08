import { Controller, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { type HealthStatus, healthRoutes, healthStatusSchema } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { openApiSchema } from '../common/openapi-schema.js';
import { HealthService } from './health.service.js';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Endpoint(healthRoutes.check)
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
