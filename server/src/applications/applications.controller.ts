import { Controller, Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { type ApplicationDraft, type ApplicationView, applicationRoutes, ErrorCode } from '@pass/shared';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { ApplicationsService } from './applications.service.js';

const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

@Controller()
export class ApplicationsController extends ServiceRoutes(ApplicationsService, applicationRoutes, {
  list: (applications, { actor, input }) => applications.list(actor, input.status, input.cursor, input.limit, input.q),
  get: (applications, { actor, id }) => applications.get(actor, id),
  events: (applications, { actor, id }) => applications.events(actor, id),
  update: (applications, { actor, id, input }) => applications.update(actor, id, input),
  submit: (applications, { actor, id }) => applications.submit(actor, id),
  resubmit: (applications, { actor, id }) => applications.resubmit(actor, id),
  withdraw: (applications, { actor, id }) => applications.withdraw(actor, id),
}) {
  @Endpoint(applicationRoutes.create)
  @ApiHeader({ name: 'idempotency-key', required: false, description: '客户端生成的请求编号（8–64位字母数字）' })
  create(
    @CurrentActor() actor: RequestActor,
    @Input() body: ApplicationDraft,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ApplicationView> {
    if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
      throw new DomainException(ErrorCode.ValidationFailed, 'Idempotency-Key 应为8至64位字母、数字、-或_');
    }
    return this.service.create(actor, body, idempotencyKey);
  }
}
