import type { AccountView } from '@pass/shared';
import { passApi } from '../../services/pass-api';
import { type CachedPass, cacheOwnerOf, passCache } from '../../services/pass-cache';
import { isOffline } from '../../services/pass-state';

export interface ShownPass extends CachedPass {
  /** True when the network failed and this is the last download. */
  offline: boolean;
}

/** The pass issued for an application: the application detail links here by its own id. */
async function idOfApplication(owner: string, applicationId: string): Promise<string> {
  const cached = passCache.list(owner)?.items.find((p) => p.applicationId === applicationId);
  try {
    let cursor: string | null | undefined;
    do {
      const page = await passApi.list(cursor);
      const found = page.items.find((p) => p.applicationId === applicationId);
      if (found) return found.id;
      cursor = page.nextCursor;
    } while (cursor);
  } catch (error) {
    if (cached && isOffline(error)) return cached.id;
    throw error;
  }
  throw new Error('该申请还没有通行证');
}

/** The pass and its QR code from the server, stored for offline use; the stored copy when offline. */
export async function loadPass(
  account: AccountView,
  query: { id?: string; applicationId?: string },
): Promise<ShownPass> {
  const owner = cacheOwnerOf(account);
  const id = query.id ?? (query.applicationId ? await idOfApplication(owner, query.applicationId) : '');
  try {
    const pass = await passApi.get(id);
    const qr = await passApi.qrDataUrl(id).catch(() => passCache.get(owner, id)?.qr ?? null);
    const entry: CachedPass = { pass, qr, savedAt: new Date().toISOString() };
    passCache.put(owner, entry);
    return { ...entry, offline: false };
  } catch (error) {
    const cached = passCache.get(owner, id);
    if (cached && isOffline(error)) return { ...cached, offline: true };
    throw error;
  }
}
