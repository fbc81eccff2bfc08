import { Controller, Inject, Res } from '@nestjs/common';
import { passRoutes } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { type PassImage, PassImages } from './pass-images.js';
import { PassesService } from './passes.service.js';

@Controller()
export class PassesController extends ServiceRoutes(PassesService, passRoutes, {
  list: (passes, { actor, input }) => passes.list(actor, input.cursor, 20, input.q),
  get: async (passes, { actor, id }) => passes.view(await passes.get(actor, id)),
  revoke: (passes, { actor, id, input }) => passes.revoke(actor, id, input.reason),
  share: (passes, { actor, id }) => passes.share(actor, id),
}) {
  constructor(
    @Inject(PassesService) passes: PassesService,
    @Inject(PassImages) private readonly images: PassImages,
  ) {
    super(passes);
  }

  @Endpoint(passRoutes.qrPng)
  @ApiContentResponse('二维码图片', 'image/png')
  async qrPng(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendImage(reply, 'image/png', await this.images.png(actor, id));
  }

  @Endpoint(passRoutes.qrSvg)
  @ApiContentResponse('二维码图片', 'image/svg+xml')
  async qrSvg(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendImage(reply, 'image/svg+xml', await this.images.svg(actor, id));
  }

  @Endpoint(passRoutes.pdf)
  @ApiContentResponse('通行证 PDF', 'application/pdf')
  async pdf(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const pass = await this.service.get(actor, id);
    const pdf = await this.service.pdf(pass);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="pass-${pass.passNumber}.pdf"`)
      .send(pdf);
  }
}

/**
 * A pass's QR image, kept by the phone for a day (private: it is the holder's) and revalidated by its
 * ETag: the same image again is a 304 without a body.
 */
async function sendImage(reply: FastifyReply, contentType: string, image: PassImage): Promise<void> {
  reply.header('cache-control', 'private, max-age=86400').header('etag', image.etag);
  if (reply.request.headers['if-none-match'] === image.etag) {
    await reply.code(304).send();
    return;
  }
  await reply.header('content-type', contentType).send(image.body);
}
