import type { ProvinceSettingsDocument } from '@pass/shared';
import { request } from './request';
import { readStored, writeStored } from './storage';

/** The province's rules come from the server; the last copy is kept so forms still work offline. */
const storageKey = 'pass.province-settings';

export function cachedProvinceSettings(): ProvinceSettingsDocument | undefined {
  const stored = readStored<ProvinceSettingsDocument>(storageKey);
  return stored && typeof stored === 'object' && stored.settings ? stored : undefined;
}

/** The rules in force: fresh from the server, or the cached copy when the server cannot be reached. */
export async function loadProvinceSettings(): Promise<ProvinceSettingsDocument> {
  try {
    const document = await request<ProvinceSettingsDocument>('/settings', { anonymous: true });
    writeStored(storageKey, document);
    return document;
  } catch (error) {
    const cached = cachedProvinceSettings();
    if (cached) return cached;
    throw error;
  }
}
