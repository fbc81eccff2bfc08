import type { Session } from './session';

/**
 * H5 (a browser) has no WeChat login: only phone and password. The WeChat build replaces this file
 * with `wechat-auth.weapp.ts`.
 */
export const wechatLoginAvailable = false;

export function loginWithWechat(): Promise<Session> {
  return Promise.reject(new Error('微信登录仅在微信小程序中可用'));
}

export function bindWechat(_phone: string, _password: string): Promise<Session> {
  return Promise.reject(new Error('微信登录仅在微信小程序中可用'));
}
