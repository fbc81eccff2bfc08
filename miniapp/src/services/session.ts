import type { AccountView, AuthTokens } from '@pass/shared';
import Taro from '@tarojs/taro';

/** What the app keeps between launches; read from storage each time so every page (and H5 tab) agrees. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  account: AccountView;
}

const storageKey = 'pass.session';

export function loadSession(): Session | null {
  try {
    const stored = Taro.getStorageSync<Session | ''>(storageKey);
    return stored && typeof stored === 'object' && stored.accessToken && stored.refreshToken ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(tokens: AuthTokens): Session {
  const session: Session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    account: tokens.account,
  };
  Taro.setStorageSync(storageKey, session);
  return session;
}

/** Keeps the tokens, replaces the account (after /auth/me). */
export function saveAccount(account: AccountView): void {
  const session = loadSession();
  if (session) Taro.setStorageSync(storageKey, { ...session, account });
}

export function clearSession(): void {
  try {
    Taro.removeStorageSync(storageKey);
  } catch {
    // nothing stored
  }
}
