import type { IssuingDepartment, TrustList } from '../pass-token/trust-list.js';
import type { FederatedIssuer } from './federated-verify.js';

/** A trusted foreign issuer as the admin's list shows it. */
export interface TrustedIssuerView {
  id: string;
  issuerName: string;
  issuerRegion: string;
  fingerprint: string;
  documentUrl: string;
  passPageUrl: string;
  status: 'active' | 'suspended';
  keyCount: number;
  departments: IssuingDepartment[];
  importedAt: string;
  documentSyncedAt: string;
  statusSyncedAt: string | null;
  statusListVersion: number | null;
  /** The status list is older than `federationStaleAfterHours`. */
  stale: boolean;
  lastSyncError: string | null;
}

/** A status list older than this is flagged, per issuer, as verification flags its own. */
export const federationStaleAfterHours = 24;

/**
 * What a checkpoint carries offline about the trusted foreign issuers (`GET /api/federation/bundle`,
 * the body of a SignedDocument signed by this deployment's own key: the server checked each issuer's
 * signatures when it fetched their data, and vouches for the result to its own checkpoints).
 */
export interface FederationBundle {
  generatedAt: string;
  issuers: Array<{
    issuerName: string;
    issuerRegion: string;
    passPageUrl: string;
    trustList: TrustList;
    statusList: { version: number; generatedAt: string; bits: string } | null;
    /** The device said it holds this version already: `statusList` is null, the device keeps its copy. */
    statusListUnchanged: boolean;
    statusSyncedAt: string | null;
  }>;
}

/** The bundle's issuers as the federated verifier takes them. */
export function bundleIssuers(bundle: FederationBundle): FederatedIssuer[] {
  return bundle.issuers.map(({ statusList, statusSyncedAt: _synced, statusListUnchanged: _unchanged, ...issuer }) => ({
    ...issuer,
    ...(statusList ? { statusList } : {}),
  }));
}

/** What the device tells the server it holds: `320000:12,310000:4`, or undefined for nothing. */
export function knownStatusVersions(bundle: FederationBundle | undefined): string | undefined {
  const known = (bundle?.issuers ?? []).flatMap((i) =>
    i.statusList ? [`${i.issuerRegion}:${i.statusList.version}`] : [],
  );
  return known.length ? known.join(',') : undefined;
}

/** The new bundle with each unchanged issuer's status list taken from the one the device held. */
export function mergeFederationBundle(
  previous: FederationBundle | undefined,
  next: FederationBundle,
): FederationBundle {
  return {
    ...next,
    issuers: next.issuers.map((issuer) => {
      if (!issuer.statusListUnchanged) return issuer;
      const held = previous?.issuers.find((p) => p.issuerRegion === issuer.issuerRegion)?.statusList ?? null;
      return { ...issuer, statusList: held, statusListUnchanged: false };
    }),
  };
}
