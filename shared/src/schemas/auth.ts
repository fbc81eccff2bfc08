import { z } from '../zod.js';
import { phoneSchema } from './fields.js';

/** Password sign-in (H5 and officials' desktops). Strength is checked when a password is set, not here. */
export const loginSchema = z.object({
  phone: phoneSchema,
  password: z.string('请输入密码').min(1, '请输入密码').max(128, '密码最多128位'),
});

export type LoginInput = z.input<typeof loginSchema>;
export type LoginRequest = z.output<typeof loginSchema>;

/** The one-time code from `wx.login`, exchanged by the server for the openid. */
export const wechatLoginSchema = z.object({
  code: z.string('缺少微信登录凭证').trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证无效'),
});

export type WechatLoginRequest = z.output<typeof wechatLoginSchema>;

/** 驾驶员/押运员登录, step 1: a one-time code is sent by SMS to this phone, if a driver record has it. */
export const crewCodeRequestSchema = z.object({ phone: phoneSchema });

export type CrewCodeRequest = z.output<typeof crewCodeRequestSchema>;

/** 驾驶员/押运员登录, step 2: the phone and the 6-digit code it received. */
export const crewSignInSchema = z.object({
  phone: phoneSchema,
  code: z
    .string('请输入验证码')
    .trim()
    .regex(/^\d{6}$/, '请输入短信中的6位数字验证码'),
});

export type CrewSignInRequest = z.output<typeof crewSignInSchema>;
