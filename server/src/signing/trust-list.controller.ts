import { Controller, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type TrustList, trustListSchema } from '@pass/shared';
import { Route } from '../auth/route.decorators.js';
import { PublishedTrustListService } from './published-trust-list.service.js';

@ApiTags('verification')
@Controller('trust-list')
export class TrustListController {
  constructor(private readonly published: PublishedTrustListService) {}

  @Route.get({
    summary: '通行证签名信任列表（公开）',
    description:
      '卡口离线核验通行证二维码所需的公钥。客户端应定期下载并保存，离线时用保存的列表核验；' +
      '新密钥在启用前即已列出，停用的密钥在其签发的通行证全部到期前仍保留；departments 为各辖区核发单位及值班电话。格式见 docs/pass-token.md。',
    public: true,
    response: trustListSchema,
  })
  @Header('Cache-Control', 'public, max-age=300')
  trustList(): Promise<TrustList> {
    return this.published.trustList();
  }
}
