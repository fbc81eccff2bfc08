import { Controller, Headers } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  type ApplicationDraft,
  type ApplicationEventView,
  type ApplicationListQuery,
  type ApplicationView,
  applicationDraftSchema,
  applicationEventViewSchema,
  applicationListQuerySchema,
  applicationPageSchema,
  applicationViewSchema,
  ErrorCode,
  type Page,
  Role,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { DomainException } from '../common/domain.exception.js';
import { ApplicationsService } from './applications.service.js';

const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

@ApiTags('applications')
@Roles(Role.FleetManager)
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Route.post({
    summary: '新建申请草稿（可只填部分内容）；相同 Idempotency-Key 的重复请求只创建一个申请',
    response: applicationViewSchema,
    body: applicationDraftSchema,
  })
  @ApiHeader({ name: 'idempotency-key', required: false, description: '客户端生成的请求编号（8–64位字母数字）' })
  create(
    @CurrentActor() actor: RequestActor,
    @Input() body: ApplicationDraft,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ApplicationView> {
    if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
      throw new DomainException(ErrorCode.ValidationFailed, 'Idempotency-Key 应为8至64位字母、数字、-或_');
    }
    return this.applications.create(actor, body, idempotencyKey);
  }

  @Route.get({
    summary: '本企业的申请，最新的在前；可按状态筛选、按车牌号码查找',
    response: applicationPageSchema,
    query: applicationListQuerySchema,
  })
  list(@CurrentActor() actor: RequestActor, @Input() query: ApplicationListQuery): Promise<Page<ApplicationView>> {
    return this.applications.list(actor, query.status, query.cursor, query.limit, query.q);
  }

  @Route.get(':id', { summary: '申请详情，含当前可进行的操作', response: applicationViewSchema })
  get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<ApplicationView> {
    return this.applications.get(actor, id);
  }

  @Route.get(':id/events', { summary: '申请的办理进度（状态时间线）', response: z.array(applicationEventViewSchema) })
  events(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<ApplicationEventView[]> {
    return this.applications.events(actor, id);
  }

  @Route.put(':id', {
    summary: '修改草稿或被退回的申请',
    response: applicationViewSchema,
    body: applicationDraftSchema,
  })
  update(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: ApplicationDraft) {
    return this.applications.update(actor, id, body);
  }

  @Route.action(':id/submit', { summary: '提交申请（按本省规则完整校验）', response: applicationViewSchema })
  submit(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<ApplicationView> {
    return this.applications.submit(actor, id);
  }

  @Route.action(':id/resubmit', { summary: '修改后重新提交被退回的申请', response: applicationViewSchema })
  resubmit(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<ApplicationView> {
    return this.applications.resubmit(actor, id);
  }

  @Route.action(':id/withdraw', { summary: '撤回申请', response: applicationViewSchema })
  withdraw(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<ApplicationView> {
    return this.applications.withdraw(actor, id);
  }
}
