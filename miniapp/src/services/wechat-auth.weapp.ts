import type { AuthTokens } from '@pass/shared';
import Taro from '@tarojs/taro';
import { startSession } from './auth';
import { request } from './request';
import type { Session } from './session';

export const wechatLoginAvailable = true;

/** A fresh one-time code: the server exchanges each code with WeChat once, so every call needs its own. */
async function wechatCode(): Promise<string> {
  const { code } = await Taro.login();
  return code;
}

/** 微信一键登录. Throws `ApiError` with ACCOUNT_NOT_BOUND when this WeChat user has no account yet. */
export async function loginWithWechat(): Promise<Session> {
  const code = await wechatCode();
  return startSession(await request<AuthTokens>('/auth/wechat', { method: 'POST', data: { code }, anonymous: true }));
}

/** Proves the account with phone and password and binds this WeChat user to it, for next time. */
export async function bindWechat(phone: string, password: string): Promise<Session> {
  const code = await wechatCode();
  return startSession(
    await request<AuthTokens>('/auth/wechat/bind', {
      method: 'POST',
      data: { code, phone, password },
      anonymous: true,
    }),
  );
}
