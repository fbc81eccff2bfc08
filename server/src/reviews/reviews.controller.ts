import { Controller, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { BatchApproveResult, QueuePage, ReviewCounters, ReviewDetail } from '@pass/shared';
import {
  type BatchApproveRequest,
  batchApproveResultSchema,
  batchApproveSchema,
  queuePageSchema,
  type ReviewDecision,
  type ReviewQueueQuery,
  Role,
  reviewCountersSchema,
  reviewDecisionResultSchema,
  reviewDecisionSchema,
  reviewDetailSchema,
  reviewQueueQuerySchema,
  z,
} from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { ReviewsService } from './reviews.service.js';

@ApiTags('reviews')
@Roles(Role.Official)
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Route.get('queue', {
    summary: '待我审核的申请（含下级逾期上报的），等待最久的在前',
    response: queuePageSchema,
    query: reviewQueueQuerySchema,
  })
  queue(@CurrentActor() actor: RequestActor, @Input() query: ReviewQueueQuery): Promise<QueuePage> {
    return this.reviews.queue(actor, { ...query, overdueOnly: query.overdue });
  }

  @Route.get('counters', { summary: '待审核、逾期、上报数量和本期剩余配额', response: reviewCountersSchema })
  counters(@CurrentActor() actor: RequestActor): Promise<ReviewCounters> {
    return this.reviews.counters(actor);
  }

  @Route.get(':id', {
    summary: '审核详情：申请、企业、车辆、人员、材料、车辆其他有效通行证、黑名单命中',
    response: reviewDetailSchema,
  })
  detail(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<ReviewDetail> {
    return this.reviews.detail(actor, id);
  }

  @Route.get(':id/attachments/:attachmentId/content', { summary: '查看申请所附材料' })
  @ApiParam({ name: 'attachmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiContentResponse('材料文件', 'image/jpeg', 'image/png', 'application/pdf')
  async attachment(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, bytes } = await this.reviews.attachment(actor, id, attachmentId);
    await reply
      .header('content-type', attachment.mimeType)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  }

  @Route.action(':id/decision', {
    summary: '审核：通过（末级通过即发证）、不予通过（须说明理由）、退回修改（须说明理由）',
    response: reviewDecisionResultSchema,
    body: reviewDecisionSchema,
  })
  decide(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: ReviewDecision) {
    return this.reviews.decide(actor, id, body);
  }

  @Route.action('batch-approve', {
    summary: '批量通过；逐个审核，个别不能通过的不影响其他',
    response: z.array(batchApproveResultSchema),
    body: batchApproveSchema,
  })
  batchApprove(@CurrentActor() actor: RequestActor, @Input() body: BatchApproveRequest): Promise<BatchApproveResult[]> {
    return this.reviews.batchApprove(actor, body);
  }
}
