import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CloneAlertView, ScanUploadResult, TraceStop } from '@pass/shared';
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
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ScansService } from './scans.service.js';

@ApiTags('scans')
@Controller()
export class ScansController {
  constructor(private readonly scans: ScansService) {}

  @Route.action('scans', {
    summary: '上传本卡口的查验记录（可离线后批量补传；同一记录只保存一次）',
    roles: [Role.CheckpointStaff],
    response: scanUploadResultSchema,
    body: scanUploadSchema,
  })
  upload(@CurrentActor() actor: RequestActor, @Input() body: ScanUpload): Promise<ScanUploadResult> {
    return this.scans.upload(actor, body.records);
  }

  @Route.get('passes/:id/trace', {
    summary: '通行证的行程轨迹：依次经过的卡口（一车一码闭环）',
    roles: [Role.FleetManager, Role.Official, Role.Admin],
    response: z.array(traceStopSchema),
  })
  trace(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<TraceStop[]> {
    return this.scans.trace(actor, id);
  }

  @Route.get('alerts/clones', {
    summary:
      '疑似克隆通行证：同一张证在不可能到达的时间出现在相距很远的两个卡口；默认待处理的，state=resolved 为已处理的',
    roles: [Role.Official, Role.Admin],
    response: z.array(cloneAlertViewSchema),
    query: cloneAlertQuerySchema,
  })
  alerts(@CurrentActor() actor: RequestActor, @Input() query: CloneAlertQuery): Promise<CloneAlertView[]> {
    return this.scans.alerts(actor, query.state);
  }

  @Route.action('alerts/clones/:id/resolve', {
    summary: '处理疑似克隆告警：已处置或排除，须写明处理说明（记入审计日志）',
    roles: [Role.Official, Role.Admin],
    response: cloneAlertViewSchema,
    body: resolveCloneAlertSchema,
  })
  resolve(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: ResolveCloneAlertRequest) {
    return this.scans.resolveAlert(actor, id, body);
  }
}
