import { existsSync, readFileSync } from 'node:fs';
import type { AuthTokens } from '@pass/shared';
import { type ApiClient, apiClient } from './api.js';

/** The texts the development SMS sender wrote to `smsFile` (SMS_DEV_FILE) for this phone, oldest first. */
export function textsTo(smsFile: string, phone: string): string[] {
  if (!existsSync(smsFile)) return [];
  return readFileSync(smsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; text: string })
    .filter((message) => message.to === phone)
    .map((message) => message.text);
}

/** The sign-in code in the newest code text to this phone; undefined when none was sent. */
export function latestCodeTo(smsFile: string, phone: string): string | undefined {
  const texts = textsTo(smsFile, phone).filter((text) => text.includes('登录验证码'));
  return /(\d{6})/.exec(texts.at(-1) ?? '')?.[1];
}

/** A crew member (a driver record must have the phone) signs in with the code the SMS brought. */
export async function signInAsCrew(baseUrl: string, smsFile: string, phone: string): Promise<ApiClient> {
  const anonymous = apiClient(baseUrl);
  const sent = await anonymous.post('/crew/sign-in/code', { phone });
  if (sent.status !== 204) throw new Error(`code for ${phone}: ${sent.status} ${JSON.stringify(sent.body)}`);
  const code = latestCodeTo(smsFile, phone);
  if (!code) throw new Error(`no code was texted to ${phone}`);
  const res = await anonymous.post<AuthTokens>('/crew/sign-in', { phone, code });
  if (res.status !== 200) throw new Error(`crew sign-in ${phone}: ${res.status} ${JSON.stringify(res.body)}`);
  return apiClient(baseUrl, res.body.accessToken);
}
