import Taro from '@tarojs/taro';
import type { PassView } from '../types';

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

function read<T>(key: string): T | undefined {
  try {
    const value = Taro.getStorageSync<T | ''>(key);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // storage full: the pass still shows now, just not offline later
  }
}

export const passCache = {
  get: (accountId: string, passId: string) => read<CachedPass>(passKey(accountId, passId)),
  put: (accountId: string, entry: CachedPass) => write(passKey(accountId, entry.pass.id), entry),
  list: (accountId: string) => read<{ items: PassView[]; savedAt: string }>(listKey(accountId)),
  putList: (accountId: string, items: PassView[]) =>
    write(listKey(accountId), { items, savedAt: new Date().toISOString() }),
};
