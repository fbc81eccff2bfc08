import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { OutboxMessageEntity } from './outbox-message.entity.js';

/** A delivery WeChat refused for good (no subscription left, unknown user): retrying cannot help. */
export class PermanentDeliveryError extends Error {}

/** WeChat errors that no retry mends: 43101 the user has not accepted (or used up) the subscription, 40003 unknown openid, 47003 template data refused. */
const permanentErrors = new Set([43101, 40003, 47003, 40037]);
/** The access token was rejected: fetch a new one before the next try. */
const tokenErrors = new Set([40001, 42001, 40014]);

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/**
 * WeChat subscribe messages (订阅消息): `message/subscribe/send` with an access token from
 * `cgi-bin/stable_token`. The stable token is the same for every caller until it expires, so several
 * server processes fetching it do not invalidate each other's (as `cgi-bin/token` would); each
 * process keeps it until five minutes before its expiry.
 */
@Injectable()
export class WechatSubscribeClient {
  private token: { value: string; until: number } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Less than the outbox lease (see OutboxWorker), so a live worker always ends its call before losing the row. */
  timeoutMs(): number {
    return Math.min(5_000, Math.floor(this.config.notifications.leaseMs / 2));
  }

  async send(message: OutboxMessageEntity): Promise<void> {
    const template = this.config.wechat.subscribeTemplates[message.event];
    if (!template || !message.address) throw new PermanentDeliveryError('no template or openid');
    const token = await this.accessToken();
    const answer = await this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      touser: message.address,
      template_id: template,
      page: message.link ?? undefined,
      miniprogram_state: this.config.wechat.miniprogramState,
      lang: 'zh_CN',
      data: {
        thing1: { value: clip(message.title, 20) },
        thing2: { value: clip(message.body, 20) },
        time3: { value: beijingTime(message.createdAt) },
      },
    });
    if (!answer.errcode) return;
    if (tokenErrors.has(answer.errcode)) this.token = null;
    const reason = `subscribe/send ${answer.errcode} ${answer.errmsg ?? ''}`;
    throw permanentErrors.has(answer.errcode) ? new PermanentDeliveryError(reason) : new Error(reason);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const { appId, appSecret } = this.config.wechat;
    if (!appId || !appSecret) throw new PermanentDeliveryError('WECHAT_APP_ID / WECHAT_APP_SECRET not configured');
    const answer = await this.call('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: appId,
      secret: appSecret,
      force_refresh: false,
    });
    if (!answer.access_token) throw new Error(`stable_token ${answer.errcode} ${answer.errmsg ?? ''}`);
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    this.token = { value: answer.access_token, until: Date.now() + Math.max(0, lifetimeMs - 300_000) };
    return this.token.value;
  }

  private async call(path: string, body: object): Promise<WechatAnswer> {
    const response = await fetch(new URL(path, this.config.wechat.apiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs()),
    });
    if (!response.ok) throw new Error(`WeChat HTTP ${response.status}`);
    return (await response.json()) as WechatAnswer;
  }
}

/** WeChat's `thing` values hold at most 20 characters. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `time` values read as Beijing time, e.g. 2026年12月02日 08:30. */
function beijingTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 4)}年${local.slice(5, 7)}月${local.slice(8, 10)}日 ${local.slice(11, 16)}`;
}
