import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type QuotaAllocation,
  type QuotaListQuery,
  quotaAllocationSchema,
  quotaListQuerySchema,
  quotaViewSchema,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { QuotasService, type QuotaView } from './quotas.service.js';

/** Admins allocate pass quotas per jurisdiction and period. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin')
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Post('quotas')
  @HttpCode(200)
  @ApiOperation({ summary: '分配（或调整）某辖区某周期的通行证配额' })
  @ApiZodBody(quotaAllocationSchema)
  @ApiZodResponse(quotaViewSchema)
  allocate(
    @CurrentActor() actor: RequestActor,
    @ZodBody(quotaAllocationSchema) body: QuotaAllocation,
  ): Promise<QuotaView> {
    return this.quotas.allocate(actor, body);
  }

  @Get('quotas')
  @ApiOperation({ summary: '配额及使用情况' })
  @ApiZodResponse(z.array(quotaViewSchema))
  quotaList(@ZodQuery(quotaListQuerySchema) query: QuotaListQuery): Promise<QuotaView[]> {
    return this.quotas.list(query.period);
  }
}
