import type { PassView } from '@pass/shared';
import { keepStored, readStored } from '@/services/storage';

/**
 * The last download of each pass, QR image included, so a driver can show the pass where there is no
 * signal. Keyed by account: another user of the same phone does not see them.
 */
export interface CachedPass {
  pass: PassView;
  qr: string | null;
  savedAt: string;
}

const passKey = (accountId: string, passId: string) => `pass.cache.${accountId}.${passId}`;
const listKey = (accountId: string) => `pass.list.${accountId}`;

export const passCache = {
  get: (accountId: string, passId: string) => readStored<CachedPass>(passKey(accountId, passId)),
  put: (accountId: string, entry: CachedPass) => keepStored(passKey(accountId, entry.pass.id), entry),
  list: (accountId: string) => readStored<{ items: PassView[]; savedAt: string }>(listKey(accountId)),
  putList: (accountId: string, items: PassView[]) =>
    keepStored(listKey(accountId), { items, savedAt: new Date().toISOString() }),
};
