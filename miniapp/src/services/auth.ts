import type { AccountView, AuthTokens, FleetManagerRegistration } from '@pass/shared';
import Taro from '@tarojs/taro';
import { request, sessionStarted } from './request';
import { roleHome, routes } from './routes';
import { clearSession, loadSession, type Session, saveAccount, saveSession } from './session';

/** Keeps the tokens of a sign-in, registration or WeChat login. */
export function startSession(tokens: AuthTokens): Session {
  const session = saveSession(tokens);
  sessionStarted();
  return session;
}

export async function loginWithPassword(phone: string, password: string): Promise<Session> {
  return startSession(
    await request<AuthTokens>('/auth/login', { method: 'POST', data: { phone, password }, anonymous: true }),
  );
}

/** 驾驶员/押运员登录, step 1: the server texts a code to the phone if a driver record has it. */
export async function requestCrewCode(phone: string): Promise<void> {
  await request('/crew/sign-in/code', { method: 'POST', data: { phone }, anonymous: true });
}

/** 驾驶员/押运员登录, step 2: the code from the text opens a session that sees only the holder's passes. */
export async function signInAsCrew(phone: string, code: string): Promise<Session> {
  return startSession(
    await request<AuthTokens>('/crew/sign-in', { method: 'POST', data: { phone, code }, anonymous: true }),
  );
}

export async function registerEnterprise(registration: FleetManagerRegistration): Promise<Session> {
  return startSession(
    await request<AuthTokens>('/enterprises/register', { method: 'POST', data: registration, anonymous: true }),
  );
}

/** The account as the server knows it now (role or enterprise may have changed since sign-in). */
export async function refreshAccount(): Promise<AccountView> {
  const account = await request<AccountView>('/auth/me');
  saveAccount(account);
  return account;
}

/** Revokes the refresh token (best effort: signing out must work offline too) and forgets the session. */
export async function logout(): Promise<void> {
  const session = loadSession();
  clearSession();
  if (session) {
    await request('/auth/logout', {
      method: 'POST',
      data: { refreshToken: session.refreshToken },
      anonymous: true,
    }).catch(() => undefined);
  }
}

/** Replaces the whole page stack with the role's home (or the password page, when one must be chosen). */
export function goHome(account: AccountView): Promise<unknown> {
  return Taro.reLaunch({ url: account.mustChangePassword ? routes.password : roleHome[account.role] });
}
