import { Controller, Res } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { reviewRoutes } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { ReviewsService } from './reviews.service.js';

@Controller()
export class ReviewsController extends ServiceRoutes(ReviewsService, reviewRoutes, {
  queue: (reviews, { actor, input }) => reviews.queue(actor, { ...input, overdueOnly: input.overdue }),
  counters: (reviews, { actor }) => reviews.counters(actor),
  detail: (reviews, { actor, id }) => reviews.detail(actor, id),
  decide: (reviews, { actor, id, input }) => reviews.decide(actor, id, input),
  batchApprove: (reviews, { actor, input }) => reviews.batchApprove(actor, input),
}) {
  @Endpoint(reviewRoutes.attachment)
  @ApiParam({ name: 'attachmentId', schema: { type: 'string', format: 'uuid' } })
  @ApiContentResponse('材料文件', 'image/jpeg', 'image/png', 'application/pdf')
  async attachment(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @IdParam('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, bytes } = await this.service.attachment(actor, id, attachmentId);
    await reply
      .header('content-type', attachment.mimeType)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  }
}
