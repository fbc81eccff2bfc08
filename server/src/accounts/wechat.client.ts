import { Inject, Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@pass/shared';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

interface Code2SessionResponse {
  openid?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat's `jscode2session`: turns the one-time code of `wx.login` into the user's openid. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async openidForCode(code: string): Promise<string> {
    const { appId, appSecret, apiBase } = this.config.wechat;
    if (!appId || !appSecret) {
      throw new DomainException(ErrorCode.WechatLoginFailed, '未配置微信小程序，请使用手机号码登录');
    }
    const url = new URL('/sns/jscode2session', apiBase);
    url.search = new URLSearchParams({
      appid: appId,
      secret: appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: Code2SessionResponse;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      body = (await response.json()) as Code2SessionResponse;
    } catch (error) {
      this.logger.warn(`jscode2session unreachable: ${String(error)}`);
      throw new DomainException(ErrorCode.WechatLoginFailed);
    }
    if (!body.openid || body.errcode) {
      this.logger.warn(`jscode2session refused: ${body.errcode} ${body.errmsg}`);
      throw new DomainException(ErrorCode.WechatLoginFailed);
    }
    return body.openid;
  }
}
