import { Controller, Param, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { OnlineVerification } from '@pass/shared';
import {
  onlineVerificationSchema,
  passNumberSchema,
  Role,
  type SignedDocument,
  type StatusListQuery,
  signedDocumentSchema,
  statusListQuerySchema,
  verifyRequestSchema,
} from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { Input, Route } from '../auth/route.decorators.js';
import { ApiZodParam } from '../common/api-body.js';
import { ApiContentResponse } from '../common/api-response.js';
import { passPageContentSecurityPolicy } from '../common/security-headers.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { PassesService } from '../passes/passes.service.js';
import { renderPassPage } from './pass-page.js';
import { VerificationService } from './verification.service.js';

/**
 * Public checks are limited per address: a scanner needs a few a minute, a scraper needs thousands.
 * The number (PUBLIC_VERIFY_RATE_LIMIT, default 120) is the plugin's `max`, set in bootstrap.ts from the config.
 */
export const publicVerifyLimit = { rateLimit: { timeWindow: '1 minute' } };

@ApiTags('verification')
@Controller('verification')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly passes: PassesService,
  ) {}

  @Route.action('verify', {
    summary: '在线核验扫描到的通行证二维码内容（与卡口离线核验结果一致）',
    response: onlineVerificationSchema,
    public: true,
    body: verifyRequestSchema,
  })
  @RouteConfig(publicVerifyLimit)
  verify(@Input() body: { url: string }): Promise<OnlineVerification> {
    return this.verification.verifyUrl(body.url);
  }

  @Route.get('passes/:passNumber', {
    summary: '按证件编号核验（二维码无法识读时手工输入）',
    roles: [Role.CheckpointStaff, Role.Official, Role.Admin],
    response: onlineVerificationSchema,
  })
  @ApiZodParam('passNumber', passNumberSchema, '12位证件编号')
  byNumber(@Param('passNumber', new ZodValidationPipe(passNumberSchema)) passNumber: string) {
    return this.verification.verifyPassNumber(passNumber);
  }

  @Route.get('status-list', {
    summary: '签名的吊销状态表（离线核验用）：全量，或自某版本以来的增量',
    description: 'since：本机已有的版本号；给出时只返回此后的变化',
    response: signedDocumentSchema,
    public: true,
    query: statusListQuerySchema,
  })
  @RouteConfig(publicVerifyLimit)
  statusListUpdate(@Input() query: StatusListQuery): Promise<SignedDocument> {
    return this.passes.statusListUpdate(query.since);
  }
}

/** The QR code's URL itself: `/V/<digits>` opens a page any phone browser shows, without JavaScript. */
@Controller('V')
export class PassPageController {
  constructor(private readonly verification: VerificationService) {}

  @Route.get(':digits', { summary: '通行证查验页面（二维码网址，供微信扫一扫打开）', public: true })
  @RouteConfig(publicVerifyLimit)
  @ApiParam({
    name: 'digits',
    description: '二维码中的通行证数据（数字编码）',
    schema: { type: 'string' },
  })
  @ApiContentResponse('通行证查验页面', 'text/html')
  async page(@Param('digits') digits: string, @Res() reply: FastifyReply): Promise<void> {
    const { verification, facts, foreignIssuer } = await this.verification.verifyDigits(digits);
    const foreign = foreignIssuer
      ? { issuerName: foreignIssuer.issuerName, pageUrl: `${foreignIssuer.passPageUrl}/V/${digits}` }
      : undefined;
    const html = renderPassPage(verification, facts, new Date(), foreign);
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', passPageContentSecurityPolicy(html))
      .send(html);
  }
}
