import { Controller, Param, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiParam } from '@nestjs/swagger';
import type { OnlineVerification } from '@pass/shared';
import {
  passNumberSchema,
  passPageRoutes,
  type SignedDocument,
  type StatusListQuery,
  verificationRoutes,
} from '@pass/shared';
import type { FastifyReply } from 'fastify';
import { Endpoint, Input } from '../auth/endpoint.decorators.js';
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

@Controller()
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly passes: PassesService,
  ) {}

  @Endpoint(verificationRoutes.verify)
  @RouteConfig(publicVerifyLimit)
  verify(@Input() body: { url: string }): Promise<OnlineVerification> {
    return this.verification.verifyUrl(body.url);
  }

  @Endpoint(verificationRoutes.byNumber)
  @ApiZodParam('passNumber', passNumberSchema, '12位证件编号')
  byNumber(@Param('passNumber', new ZodValidationPipe(passNumberSchema)) passNumber: string) {
    return this.verification.verifyPassNumber(passNumber);
  }

  @Endpoint(verificationRoutes.statusList)
  @RouteConfig(publicVerifyLimit)
  statusListUpdate(@Input() query: StatusListQuery): Promise<SignedDocument> {
    return this.passes.statusListUpdate(query.since);
  }
}

/** The QR code's URL itself: `/V/<digits>` opens a page any phone browser shows, without JavaScript. */
@Controller()
export class PassPageController {
  constructor(private readonly verification: VerificationService) {}

  @Endpoint(passPageRoutes.page)
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
