import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  type BlacklistEntry,
  blacklistEntrySchema,
  ErrorCode,
  type QuotaAllocation,
  quotaAllocationSchema,
  Role,
  type Suspension,
  suspensionSchema,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
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
  @ApiQuery({ name: 'entityType', required: false })
  @ApiQuery({ name: 'entityId', required: false })
  @ApiQuery({ name: 'actorId', required: false })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601' })
  @ApiQuery({ name: 'before', required: false, description: '翻页：上一页最后一条的 createdAt' })
  auditLog(
    @Query('entityType') entityType?: string,
    @Query('entityId') entityId?: string,
    @Query('actorId') actorId?: string,
    @Query('action') action?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('before') before?: string,
  ): Promise<AuditEntryEntity[]> {
    return this.audit.find({
      entityType,
      entityId,
      actorId,
      action,
      from: parseInstant(from),
      to: parseInstant(to),
      before: parseInstant(before),
      limit: 200,
    });
  }

  @Post('quotas')
  @HttpCode(200)
  @ApiOperation({ summary: '分配（或调整）某辖区某周期的通行证配额' })
  @ApiZodBody(quotaAllocationSchema)
  allocate(
    @CurrentActor() actor: RequestActor,
    @ZodBody(quotaAllocationSchema) body: QuotaAllocation,
  ): Promise<QuotaView> {
    return this.quotas.allocate(actor, body);
  }

  @Get('quotas')
  @ApiOperation({ summary: '配额及使用情况' })
  @ApiQuery({ name: 'period', required: false })
  quotaList(@Query('period') period?: string): Promise<QuotaView[]> {
    return this.quotas.list(period);
  }

  @Post('blacklist')
  @ApiOperation({ summary: '将企业、司乘人员或车辆列入黑名单' })
  @ApiZodBody(blacklistEntrySchema)
  blacklist(
    @CurrentActor() actor: RequestActor,
    @ZodBody(blacklistEntrySchema) body: BlacklistEntry,
  ): Promise<BlacklistEntryView> {
    return this.sanctions.addToBlacklist(actor, body);
  }

  @Get('blacklist')
  @ApiOperation({ summary: '生效中的黑名单' })
  blacklistEntries(): Promise<BlacklistEntryView[]> {
    return this.sanctions.list();
  }

  @Delete('blacklist/:id')
  @HttpCode(204)
  @ApiIdParam()
  @ApiOperation({ summary: '移出黑名单' })
  liftBlacklist(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.lift(actor, id);
  }

  @Get('suspensions')
  @ApiOperation({ summary: '暂停办理中的企业（熔断）' })
  suspensions(): Promise<SuspensionView[]> {
    return this.sanctions.suspensions();
  }

  @Post('suspensions')
  @HttpCode(204)
  @ApiOperation({ summary: '暂停企业办理通行证（熔断）至某日' })
  @ApiZodBody(suspensionSchema)
  suspend(@CurrentActor() actor: RequestActor, @ZodBody(suspensionSchema) body: Suspension): Promise<void> {
    return this.sanctions.suspend(actor, body);
  }

  @Delete('suspensions/:id')
  @HttpCode(204)
  @ApiIdParam('id', '企业编号 (UUID)')
  @ApiOperation({ summary: '解除企业的暂停' })
  liftSuspension(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.sanctions.liftSuspension(actor, id);
  }
}

function parseInstant(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new DomainException(ErrorCode.ValidationFailed, '时间格式无效');
  return date;
}
