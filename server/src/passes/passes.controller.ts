import { Controller, Res } from '@nestjs/common';
import { passRoutes } from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor } from '../auth/auth.decorators.js';
import { Endpoint } from '../auth/endpoint.decorators.js';
import { ServiceRoutes } from '../auth/service-routes.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { PassesService } from './passes.service.js';

@Controller()
export class PassesController extends ServiceRoutes(PassesService, passRoutes, {
  list: (passes, { actor, input }) => passes.list(actor, input.cursor, 20, input.q),
  get: async (passes, { actor, id }) => passes.view(await passes.get(actor, id)),
  revoke: (passes, { actor, id, input }) => passes.revoke(actor, id, input.reason),
  share: (passes, { actor, id }) => passes.share(actor, id),
}) {
  @Endpoint(passRoutes.qrPng)
  @ApiContentResponse('二维码图片', 'image/png')
  async qrPng(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const png = await this.service.qrPng(await this.service.get(actor, id));
    await reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400').send(png);
  }

  @Endpoint(passRoutes.qrSvg)
  @ApiContentResponse('二维码图片', 'image/svg+xml')
  async qrSvg(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const svg = this.service.qrSvg(await this.service.get(actor, id));
    await reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, max-age=86400').send(svg);
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
