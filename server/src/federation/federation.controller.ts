import { Controller, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTags } from '@nestjs/swagger';
import {
  type FederationBundleQuery,
  federationBundleQuerySchema,
  type ImportIssuerRequest,
  importIssuerRequestSchema,
  Role,
  type SignedDocument,
  signedDocumentSchema,
  type TrustedIssuerView,
  trustedIssuerViewSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { FederationService } from './federation.service.js';

/** As the other public verification data: a checkpoint needs a few a minute. */
const publicLimit = { rateLimit: { timeWindow: '1 minute' } };

@ApiTags('verification')
@Controller('federation')
export class FederationController {
  constructor(private readonly federation: FederationService) {}

  @Route.get('issuer', {
    summary: '本签发方文件（公开，全国互认）',
    description:
      '签名的 JSON：签发方名称和辖区、信任列表（密钥、有效期、算法）、吊销状态表和公开核验页地址、核发单位及值班电话，' +
      '以及签名公钥的 SHA-256 指纹（供对方省份电话核对后导入）。格式见 docs/pass-token.md §9。',
    public: true,
    response: signedDocumentSchema,
  })
  @RouteConfig(publicLimit)
  @Header('Cache-Control', 'public, max-age=300')
  issuer(): Promise<SignedDocument> {
    return this.federation.issuerDocument();
  }

  @Route.get('bundle', {
    summary: '已信任的外省签发方的信任列表和吊销状态表（卡口离线核验用）',
    description:
      '由本签发方密钥签名；卡口用本省信任列表验证后保存，离线核验外省通行证。' +
      'known：本机已有的各签发方吊销状态表版本（如 320000:12,310000:4），未变化的不再下发。',
    public: true,
    response: signedDocumentSchema,
    query: federationBundleQuerySchema,
  })
  @RouteConfig(publicLimit)
  @Header('Cache-Control', 'no-store')
  bundle(@Input() query: FederationBundleQuery): Promise<SignedDocument> {
    return this.federation.bundle(query.known);
  }
}

@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin/federation/issuers')
export class FederationAdminController {
  constructor(private readonly federation: FederationService) {}

  @Route.get({
    summary: '已导入的外省签发方（状态、最近同步时间）',
    response: z.array(trustedIssuerViewSchema),
  })
  list(): Promise<TrustedIssuerView[]> {
    return this.federation.list();
  }

  @Route.post({
    summary: '导入外省签发方',
    description:
      '粘贴对方的签发方文件或填写其地址，并输入对方通过电话告知的指纹；指纹与文件的签名密钥一致且签名有效才予信任。记入审计日志。',
    response: trustedIssuerViewSchema,
    body: importIssuerRequestSchema,
  })
  importIssuer(@CurrentActor() actor: RequestActor, @Input() body: ImportIssuerRequest): Promise<TrustedIssuerView> {
    return this.federation.importIssuer(actor, body);
  }

  @Route.action(':id/suspend', {
    summary: '暂停信任该签发方（其通行证按未知密钥处理）；记入审计日志',
    response: trustedIssuerViewSchema,
  })
  suspend(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<TrustedIssuerView> {
    return this.federation.setStatus(actor, id, 'suspended');
  }

  @Route.action(':id/reinstate', {
    summary: '恢复信任该签发方；记入审计日志',
    response: trustedIssuerViewSchema,
  })
  reinstate(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<TrustedIssuerView> {
    return this.federation.setStatus(actor, id, 'active');
  }

  @Route.action(':id/sync', {
    summary: '立即从对方获取签发方文件和吊销状态表（平时按计划自动获取）',
    response: trustedIssuerViewSchema,
  })
  async sync(@IdParam() id: string): Promise<TrustedIssuerView> {
    const view = await this.federation.syncIssuer(id);
    if (!view) throw this.federation.notFound();
    return view;
  }

  @Route.delete(':id', {
    summary: '移除该签发方（不再信任）；记入审计日志',
    status: 204,
  })
  remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.federation.remove(actor, id);
  }
}
