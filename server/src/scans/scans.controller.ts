import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CloneAlertView, TraceStop } from '@pass/shared';
import {
  type CloneAlertQuery,
  cloneAlertQuerySchema,
  cloneAlertViewSchema,
  type ResolveCloneAlertRequest,
  Role,
  resolveCloneAlertSchema,
  type ScanUpload,
  scanUploadResultSchema,
  scanUploadSchema,
  traceStopSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiZodResponse } from '../common/api-response.js';
import { ScansService } from './scans.service.js';

@ApiTags('scans')
@ApiBearerAuth()
@Controller()
export class ScansController {
  constructor(private readonly scans: ScansService) {}

  @Post('scans')
  @HttpCode(200)
  @Roles(Role.CheckpointStaff)
  @ApiOperation({ summary: '上传本卡口的查验记录（可离线后批量补传；同一记录只保存一次）' })
  @ApiZodBody(scanUploadSchema)
  @ApiZodResponse(scanUploadResultSchema)
  upload(
    @CurrentActor() actor: RequestActor,
    @ZodBody(scanUploadSchema) body: ScanUpload,
  ): Promise<{ stored: number; duplicates: number }> {
    return this.scans.upload(actor, body.records);
  }

  @Get('passes/:id/trace')
  @Roles(Role.FleetManager, Role.Official, Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '通行证的行程轨迹：依次经过的卡口（一车一码闭环）' })
  @ApiZodResponse(z.array(traceStopSchema))
  trace(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<TraceStop[]> {
    return this.scans.trace(actor, id);
  }

  @Get('alerts/clones')
  @Roles(Role.Official, Role.Admin)
  @ApiOperation({
    summary:
      '疑似克隆通行证：同一张证在不可能到达的时间出现在相距很远的两个卡口；默认待处理的，state=resolved 为已处理的',
  })
  @ApiZodResponse(z.array(cloneAlertViewSchema))
  alerts(
    @CurrentActor() actor: RequestActor,
    @ZodQuery(cloneAlertQuerySchema) query: CloneAlertQuery,
  ): Promise<CloneAlertView[]> {
    return this.scans.alerts(actor, query.state);
  }

  @Post('alerts/clones/:id/resolve')
  @HttpCode(200)
  @Roles(Role.Official, Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '处理疑似克隆告警：已处置或排除，须写明处理说明（记入审计日志）' })
  @ApiZodBody(resolveCloneAlertSchema)
  @ApiZodResponse(cloneAlertViewSchema)
  resolve(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(resolveCloneAlertSchema) body: ResolveCloneAlertRequest,
  ): Promise<CloneAlertView> {
    return this.scans.resolveAlert(actor, id, body);
  }
}
