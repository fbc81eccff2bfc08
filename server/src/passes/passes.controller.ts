import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PassView } from '@pass/shared';
import {
  type Page,
  type PassListQuery,
  passListQuerySchema,
  passPageSchema,
  passViewSchema,
  type RevokePassRequest,
  Role,
  revokePassSchema,
} from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { ApiIdParam, ApiZodBody, IdParam, ZodBody, ZodQuery } from '../common/api-body.js';
import { ApiContentResponse, ApiZodResponse } from '../common/api-response.js';
import { PassesService } from './passes.service.js';

@ApiTags('passes')
@ApiBearerAuth()
@Roles(Role.FleetManager, Role.Official, Role.Admin)
@Controller('passes')
export class PassesController {
  constructor(private readonly passes: PassesService) {}

  @Get()
  @ApiOperation({ summary: '通行证列表：车队管理员看本企业的，审核人员看本辖区审核或签发的' })
  @ApiZodResponse(passPageSchema)
  list(
    @CurrentActor() actor: RequestActor,
    @ZodQuery(passListQuerySchema) query: PassListQuery,
  ): Promise<Page<PassView>> {
    return this.passes.list(actor, query.cursor);
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOperation({ summary: '通行证详情' })
  @ApiZodResponse(passViewSchema)
  async get(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<PassView> {
    return this.passes.view(await this.passes.get(actor, id));
  }

  @Get(':id/qr.png')
  @ApiIdParam()
  @ApiOperation({ summary: '通行证二维码（PNG）' })
  @ApiContentResponse('二维码图片', 'image/png')
  async qrPng(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const png = await this.passes.qrPng(await this.passes.get(actor, id));
    await reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400').send(png);
  }

  @Get(':id/qr.svg')
  @ApiIdParam()
  @ApiOperation({ summary: '通行证二维码（SVG）' })
  @ApiContentResponse('二维码图片', 'image/svg+xml')
  async qrSvg(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const svg = this.passes.qrSvg(await this.passes.get(actor, id));
    await reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, max-age=86400').send(svg);
  }

  @Get(':id/pdf')
  @ApiIdParam()
  @ApiOperation({ summary: '可打印的通行证（A4 横向 PDF）' })
  @ApiContentResponse('通行证 PDF', 'application/pdf')
  async pdf(@CurrentActor() actor: RequestActor, @IdParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    const pass = await this.passes.get(actor, id);
    const pdf = await this.passes.pdf(pass);
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="pass-${pass.passNumber}.pdf"`)
      .send(pdf);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(Role.Official, Role.Admin)
  @ApiIdParam()
  @ApiOperation({ summary: '撤销通行证（须说明理由）；开始前撤销的退还配额' })
  @ApiZodBody(revokePassSchema)
  @ApiZodResponse(passViewSchema)
  revoke(
    @CurrentActor() actor: RequestActor,
    @IdParam() id: string,
    @ZodBody(revokePassSchema) body: RevokePassRequest,
  ): Promise<PassView> {
    return this.passes.revoke(actor, id, body.reason);
  }
}
