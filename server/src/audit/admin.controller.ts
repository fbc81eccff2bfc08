import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AuditQuery,
  auditEntryViewSchema,
  auditQuerySchema,
  type BlacklistEntry,
  blacklistEntrySchema,
  blacklistEntryViewSchema,
  type QuotaAllocation,
  type QuotaListQuery,
  quotaAllocationSchema,
  quotaListQuerySchema,
  quotaViewSchema,
  Role,
  type Suspension,
  suspensionSchema,
  suspensionViewSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiEmptyResponse, ApiZodResponse } from '../common/api-response.js';
import { QuotasService, type QuotaView } from '../quotas/quotas.service.js';
import { type BlacklistEntryView, SanctionsService, type SuspensionView } from '../sanctions/sanctions.service.js';
import { AuditService } from './audit.service.js';
import type { AuditEntryEntity } from './audit-entry.entity.js';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly audit: AuditService,
    private readonly quotas: QuotasService,
    private readonly sanctions: SanctionsService,
  ) {}

  @Get('audit')
  @ApiOperation({ summary: '审计日志（最新的在前），可按对象、操作人、操作和时间筛选' })
  @ApiZodResponse(z.array(auditEntryViewSchema))
  auditLog(@ZodQuery(auditQuerySchema) query: AuditQuery): Promise<AuditEntryEntity[]> {
    return this.audit.find({ ...query, limit: 200 });
  }

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

  @Post('blacklist')
  @ApiOperation({ summary: '将企业、司乘人员或车辆列入黑名单' })
  @ApiZodBody(blacklistEntrySchema)
  @ApiZodResponse(blacklistEntryViewSchema)
  blacklist(
    @CurrentActor() actor: RequestActor,
    @ZodBody(blacklistEntrySchema) body: BlacklistEntry,
  ): Promise<BlacklistEntryView> {
    return this.sanctions.addToBlacklist(actor, body);
  }

  @Get('blacklist')
  @ApiOperation({ summary: '生效中的黑名单' })
  @ApiZodResponse(z.array(blacklistEntryViewSchema))
  blacklistEntries(): Promise<BlacklistEntryView[]> {
    return this.sanctions.list();
  }

  @Delete('blacklist/:id')
  @HttpCode(204)
  @ApiIdParam()
  @ApiOperation({ summary: '移出黑名单' })
  @ApiEmptyResponse()
  liftBlacklist(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.lift(actor, id);
  }

  @Get('suspensions')
  @ApiOperation({ summary: '暂停办理中的企业（熔断）' })
  @ApiZodResponse(z.array(suspensionViewSchema))
  suspensions(): Promise<SuspensionView[]> {
    return this.sanctions.suspensions();
  }

  @Post('suspensions')
  @HttpCode(204)
  @ApiOperation({ summary: '暂停企业办理通行证（熔断）至某日' })
  @ApiZodBody(suspensionSchema)
  @ApiEmptyResponse()
  suspend(@CurrentActor() actor: RequestActor, @ZodBody(suspensionSchema) body: Suspension): Promise<void> {
    return this.sanctions.suspend(actor, body);
  }

  @Delete('suspensions/:id')
  @HttpCode(204)
  @ApiIdParam('id', '企业编号 (UUID)')
  @ApiOperation({ summary: '解除企业的暂停' })
  @ApiEmptyResponse()
  liftSuspension(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.liftSuspension(actor, id);
  }
}
