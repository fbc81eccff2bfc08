import { Controller, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTags } from '@nestjs/swagger';
import {
  type ImportWhitelistRequest,
  importWhitelistRequestSchema,
  type RecognisedWhitelistView,
  Role,
  recognisedWhitelistViewSchema,
  type SignedDocument,
  signedDocumentSchema,
  z,
} from '@pass/shared';
import { CurrentActor, type RequestActor, Roles } from '../auth/auth.decorators.js';
import { Input, Route } from '../auth/route.decorators.js';
import { IdParam } from '../common/api-body.js';
import { WhitelistRecognition } from './whitelist-recognition.js';

@ApiTags('verification')
@Controller('federation/whitelist')
export class WhitelistExportController {
  constructor(private readonly recognition: WhitelistRecognition) {}

  @Route.get({
    summary: '本省白名单导出（公开，白名单互认）',
    description:
      '签名的 JSON（与签发方文件同一密钥）：本省白名单中仍有效的企业（统一社会信用代码、名称）。' +
      '已导入本省签发方的外省据此互认。格式见 docs/pass-token.md §9。',
    public: true,
    response: signedDocumentSchema,
  })
  @RouteConfig({ rateLimit: { timeWindow: '1 minute' } })
  @Header('Cache-Control', 'public, max-age=300')
  export(): Promise<SignedDocument> {
    return this.recognition.exportOwn();
  }
}

@ApiTags('admin')
@Roles(Role.Admin)
@Controller('admin/federation/whitelists')
export class WhitelistRecognitionController {
  constructor(private readonly recognition: WhitelistRecognition) {}

  @Route.get({
    summary: '已互认的外省白名单（企业数、导入时间）',
    response: z.array(recognisedWhitelistViewSchema),
  })
  list(): Promise<RecognisedWhitelistView[]> {
    return this.recognition.list();
  }

  @Route.action({
    summary: '导入（或同步）外省白名单',
    description:
      '粘贴对方的白名单文件，或选择已信任的签发方由本服务器从其地址获取；须由已导入且未暂停的签发方签名。' +
      '替换此前从该签发方导入的名单。记入审计日志。',
    response: recognisedWhitelistViewSchema,
    body: importWhitelistRequestSchema,
  })
  import(@CurrentActor() actor: RequestActor, @Input() body: ImportWhitelistRequest): Promise<RecognisedWhitelistView> {
    return this.recognition.import(actor, body);
  }

  @Route.delete(':id', {
    summary: '不再互认该省白名单（其企业不再优先，待审申请同时取消优先）；记入审计日志',
    status: 204,
  })
  remove(@CurrentActor() actor: RequestActor, @IdParam() id: string): Promise<void> {
    return this.recognition.remove(actor, id);
  }
}
