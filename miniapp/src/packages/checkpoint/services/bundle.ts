import {
  applyStatusListUpdate,
  type FederationBundle,
  knownStatusVersions,
  mergeFederationBundle,
  openSignedDocument,
  type SignedDocument,
  type StatusList,
  type StatusListUpdate,
  type TrustList,
} from '@pass/shared';
import { queryPath, request } from '@/services/request';
import { readStored, writeStored } from '@/services/storage';

/**
 * The offline bundle: the public keys that sign passes and the signed revocation list, kept on the
 * device so a checkpoint can verify without a network. The list is updated by deltas from the version
 * held, and only accepted when a trusted key signed it.
 */
export interface Bundle {
  trustList: TrustList;
  statusList: StatusList & { bits: string };
  /** When this device last synced successfully (device clock). */
  syncedAt: string;
  /**
   * Other provinces' issuers this deployment trusts (全国互认): their keys and status lists as the server
   * last fetched them, signed by this deployment's key. Absent in bundles synced before it existed.
   */
  federation?: FederationBundle;
}

const key = 'checkpoint.bundle';

/** Older than this, the home page syncs by itself when it shows. */
export const autoSyncAfterMs = 10 * 60_000;

export function loadBundle(): Bundle | undefined {
  const bundle = readStored<Bundle>(key);
  return bundle?.trustList && bundle.statusList ? bundle : undefined;
}

async function fetchStatusList(trustList: TrustList, current: StatusList | undefined): Promise<StatusList> {
  const path = queryPath<'statusList'>('/verification/status-list', { since: current?.version.toString() });
  const document = await request<SignedDocument>(path, { anonymous: true });
  const update = openSignedDocument<StatusListUpdate>(document, trustList);
  if (!update) throw new Error('撤销名单的签名验证失败，离线数据未更新');
  return applyStatusListUpdate(current, update);
}

/** Downloads the trust list and brings the status list up to date; the stored bundle is kept on failure. */
export async function syncBundle(): Promise<Bundle> {
  const trustList = await request<TrustList>('/trust-list', { anonymous: true });
  const current = loadBundle()?.statusList;
  let statusList: StatusList;
  try {
    statusList = await fetchStatusList(trustList, current);
  } catch (error) {
    // A delta from another version (the server restarted its numbering, or the device is too far behind).
    if (!(error instanceof RangeError)) throw error;
    statusList = await fetchStatusList(trustList, undefined);
  }
  const held = loadBundle()?.federation;
  const update = openSignedDocument<FederationBundle>(
    await request<SignedDocument>(
      queryPath<'federationBundle'>('/federation/bundle', { known: knownStatusVersions(held) }),
      {
        anonymous: true,
      },
    ),
    trustList,
  );
  if (!update) throw new Error('外省签发方数据的签名验证失败，离线数据未更新');
  // Issuers whose lists did not change since the last sync come without bits: keep the device's copy.
  const federation = mergeFederationBundle(held, update);
  const bundle: Bundle = {
    trustList,
    statusList: { ...statusList, bits: typeof statusList.bits === 'string' ? statusList.bits : '' },
    syncedAt: new Date().toISOString(),
    federation,
  };
  writeStored(key, bundle);
  return bundle;
}
