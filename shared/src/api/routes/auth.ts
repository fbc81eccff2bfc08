import { accountViewSchema, authTokensSchema } from '../../api/views.js';
import { passwordChangeSchema, refreshTokenSchema, wechatBindSchema } from '../../schemas/accounts.js';
import { crewCodeRequestSchema, crewSignInSchema, loginSchema, wechatLoginSchema } from '../../schemas/auth.js';
import type { z } from '../../zod.js';
import { action, area, get } from '../operation.js';

/** A way to sign in (password, WeChat, a crew member's SMS code, a refresh): public, answering a new pair of tokens. */
const signIn = <Path extends string, Body extends z.ZodType>(path: Path, summary: string, body: Body) =>
  action(path, { summary, public: true, response: authTokensSchema, body });

export const authRoutes = area(
  { tag: 'auth' },
  {
    login: signIn('/api/auth/login', '手机号码和密码登录', loginSchema),
    refresh: signIn('/api/auth/refresh', '用刷新凭证换取新的登录凭证（旧凭证随即失效）', refreshTokenSchema),
    logout: action('/api/auth/logout', {
      summary: '退出登录（作废刷新凭证）',
      status: 204,
      public: true,
      body: refreshTokenSchema,
    }),
    wechat: signIn(
      '/api/auth/wechat',
      '微信登录（wx.login 的 code）；未绑定的微信返回 ACCOUNT_NOT_BOUND',
      wechatLoginSchema,
    ),
    bindWechat: signIn('/api/auth/wechat/bind', '用手机号码和密码验证后，将微信绑定到该账号', wechatBindSchema),
    me: get('/api/auth/me', { summary: '当前登录的账号', response: accountViewSchema, beforePasswordChange: true }),
    changePassword: action('/api/auth/password', {
      summary: '修改自己的密码（管理员重置或密码过期后须先修改）；返回新的登录凭证',
      response: authTokensSchema,
      beforePasswordChange: true,
      body: passwordChangeSchema,
    }),
  },
);

export const crewRoutes = area(
  { tag: 'crew' },
  {
    sendCode: action('/api/crew/sign-in/code', {
      summary: '驾驶员/押运员登录：向司乘人员登记的手机号发送短信验证码（5分钟有效）',
      description: '未登记的号码得到同样的应答，但不发送短信。每号码每分钟1条、每小时5条，每地址每小时20条。',
      status: 204,
      public: true,
      body: crewCodeRequestSchema,
    }),
    signIn: signIn('/api/crew/sign-in', '驾驶员/押运员用短信验证码登录；只能查看本人随车的通行证', crewSignInSchema),
    refresh: signIn(
      '/api/crew/refresh',
      '驾驶员/押运员用刷新凭证换取新的登录凭证（旧凭证随即失效）',
      refreshTokenSchema,
    ),
  },
);
