import { Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PassView } from '@pass/shared';
import {
  type Page,
  type PassListQuery,
  type PassShareResult,
  passListQuerySchema,
  passPageSchema,
  passShareResultSchema,
  passViewSchema,
  type RevokePassRequest,
  Role,
  revokePassSchema,
} from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { type PassImage, PassImages } from './pass-images.js';
import { PassesService } from './passes.service.js';

@ApiTags('passes')
@Roles(Role.FleetManager, Role.Official, Role.Admin, Role.Crew)
@Controller('passes')
export class PassesController {
  constructor(
    private readonly passes: PassesService,
    private readonly images: PassImages,
  ) {}

  @Route.get({
    summary:
      '通行证列表：车队管理员看本企业的，审核人员看本辖区审核或签发的，驾驶员/押运员看本人随车的；可按车牌号码、通行证编号、企业名称或统一社会信用代码查找',
    response: passPageSchema,
    query: passListQuerySchema,
  })
  list(@CurrentActor() actor: RequestActor, @Input() query: PassListQuery): Promise<Page<PassView>> {
    return this.passes.list(actor, query.cursor, 20, query.q);
  }

  @Route.get(':id', { summary: '通行证详情', response: passViewSchema })
  async get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<PassView> {
    return this.passes.view(await this.passes.get(actor, id));
  }

  @Route.get(':id/qr.png', { summary: '通行证二维码（PNG）' })
  @ApiContentResponse('二维码图片', 'image/png')
  async qrPng(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendImage(reply, 'image/png', await this.images.png(actor, id));
  }

  @Route.get(':id/qr.svg', { summary: '通行证二维码（SVG）' })
  @ApiContentResponse('二维码图片', 'image/svg+xml')
  async qrSvg(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendImage(reply, 'image/svg+xml', await this.images.svg(actor, id));
  }

  @Route.get(':id/pdf', { summary: '可打印的通行证（A4 横向 PDF）' })
  @ApiContentResponse('通行证 PDF', 'application/pdf')
  async pdf(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const pass = await this.passes.get(actor, id);
    const pdf = await this.passes.pdf(pass);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="pass-${pass.passNumber}.pdf"`)
      .send(pdf);
  }

  @Route.action(':id/revoke', {
    summary: '撤销通行证（须说明理由）；开始前撤销的退还配额',
    roles: [Role.Official, Role.Admin],
    response: passViewSchema,
    body: revokePassSchema,
  })
  revoke(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Input() body: RevokePassRequest) {
    return this.passes.revoke(actor, id, body.reason);
  }

  @Route.action(':id/share', {
    summary: '发送给司乘人员：以短信告知该证的驾驶员、押运员如何在手机上登录查看和出示',
    roles: [Role.FleetManager],
    response: passShareResultSchema,
  })
  share(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<PassShareResult> {
    return this.passes.share(actor, id);
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
