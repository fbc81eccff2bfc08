import { type AccountView, type PassView, Role } from '@pass/shared';
import { keepStored, readStored } from '@/services/storage';

/**
 * The last download of each pass, QR image included, so a driver can show the pass where there is no
 * signal. Keyed by owner (`cacheOwnerOf`): another user of the same phone does not see them.
 */
export interface CachedPass {
  pass: PassView;
  qr: string | null;
  savedAt: string;
}

/**
 * Whose copies they are: the account's, or a crew member's by phone (each SMS sign-in opens a new
 * session, and what was downloaded before must still show offline).
 */
export const cacheOwnerOf = (account: AccountView): string =>
  account.role === Role.Crew ? `crew-${account.phone}` : account.id;

const passKey = (accountId: string, passId: string) => `pass.cache.${accountId}.${passId}`;
const listKey = (accountId: string) => `pass.list.${accountId}`;

export const passCache = {
  get: (accountId: string, passId: string) => readStored<CachedPass>(passKey(accountId, passId)),
  put: (accountId: string, entry: CachedPass) => keepStored(passKey(accountId, entry.pass.id), entry),
  list: (accountId: string) => readStored<{ items: PassView[]; savedAt: string }>(listKey(accountId)),
  putList: (accountId: string, items: PassView[]) =>
    keepStored(listKey(accountId), { items, savedAt: new Date().toISOString() }),
};
