import type { AccountView, AuthTokens } from '@pass/shared';
import { readStored, removeStored, writeStored } from './storage';

/** What the app keeps between launches; read from storage each time so every page (and H5 tab) agrees. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  account: AccountView;
}

const storageKey = 'pass.session';

export function loadSession(): Session | null {
  const stored = readStored<Session>(storageKey);
  return stored && typeof stored === 'object' && stored.accessToken && stored.refreshToken ? stored : null;
}

export function saveSession(tokens: AuthTokens): Session {
  const session: Session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    account: tokens.account,
  };
  writeStored(storageKey, session);
  return session;
}

/** Keeps the tokens, replaces the account (after /auth/me). */
export function saveAccount(account: AccountView): void {
  const session = loadSession();
  if (session) writeStored(storageKey, { ...session, account });
}

export function clearSession(): void {
  removeStored(storageKey);
}
