import { parseCoseSign1 } from '../pass-token/cose-sign1.js';
import { extractTokenFromUrl } from '../pass-token/pass-url.js';
import type { StatusList } from '../pass-token/status-list.js';
import { findTrustedKeys, type TrustList } from '../pass-token/trust-list.js';
import {
  type DecodedPassToken,
  originWarning,
  type PassVerification,
  type VerifyOptions,
  verifyPassToken,
} from '../pass-token/verify.js';

/** Another province's issuer as this deployment trusts it: its keys, departments and status list. */
export interface FederatedIssuer {
  issuerName: string;
  issuerRegion: string;
  /** The issuer's public pass page, where its own record of a pass is shown. */
  passPageUrl: string;
  /** Keys, official addresses and departments of that issuer only. */
  trustList: TrustList;
  /** Its revocation status list as last fetched; its own `generatedAt` makes staleness per issuer. */
  statusList?: StatusList;
}

/** Which issuer a verdict came from: null for this deployment's own keys (or none). */
export type ForeignIssuerRef = Pick<FederatedIssuer, 'issuerName' | 'issuerRegion' | 'passPageUrl'>;

export interface FederatedVerifyOptions extends VerifyOptions {
  /** The trusted foreign issuers (suspended ones left out by the caller). */
  issuers?: readonly FederatedIssuer[];
}

export interface FederatedVerification {
  verification: PassVerification;
  foreignIssuer: ForeignIssuerRef | null;
}

/**
 * The issuer whose trust list holds the token's key id: the deployment's own list first, then each
 * trusted issuer's. Each issuer is verified against its OWN trust list and status list only, so a key
 * of one province can never vouch for a pass numbered in another (the key's `issuerRegion` decides, and
 * an importer refuses a document whose keys reach outside its region), and one issuer's status indexes
 * are never read in another's list.
 */
export function verifyFederatedToken(
  token: Uint8Array | DecodedPassToken,
  options: FederatedVerifyOptions,
): FederatedVerification {
  const { issuers = [], ...own } = options;
  const kid = tokenKeyId(token);
  if (kid && findTrustedKeys(own.trustList, kid).length === 0) {
    const holders = issuers.filter((issuer) => findTrustedKeys(issuer.trustList, kid).length > 0);
    let first: FederatedVerification | undefined;
    for (const issuer of holders) {
      const verification = verifyPassToken(token, {
        ...own,
        trustList: issuer.trustList,
        statusList: issuer.statusList,
      });
      const outcome = { verification, foreignIssuer: refOf(issuer) };
      // Short key ids may collide across issuers: the one whose key verifies the signature wins.
      if (verification.state !== 'signature_invalid') return outcome;
      first ??= outcome;
    }
    if (first) return first;
  }
  return { verification: verifyPassToken(token, own), foreignIssuer: null };
}

/** As `verifyPassUrl`: the token in a scanned URL, flagged when the URL is not its issuer's official address. */
export function verifyFederatedUrl(url: string, options: FederatedVerifyOptions): FederatedVerification {
  const token = extractTokenFromUrl(url);
  const outcome = verifyFederatedToken(token ?? new Uint8Array(0), options);
  if (!token || outcome.verification.state === 'malformed') return outcome;
  const issuer = outcome.foreignIssuer
    ? options.issuers?.find((i) => i.issuerRegion === outcome.foreignIssuer?.issuerRegion)
    : undefined;
  const warning = originWarning(url, issuer?.trustList ?? options.trustList);
  if (!warning) return outcome;
  return {
    ...outcome,
    verification: { ...outcome.verification, warnings: [warning, ...outcome.verification.warnings] },
  };
}

/** The key id in a token's protected header, read without verifying anything; undefined when unreadable. */
export function tokenKeyId(token: Uint8Array | DecodedPassToken): Uint8Array | undefined {
  if (!(token instanceof Uint8Array)) return token.kid;
  try {
    return parseCoseSign1(token).kid;
  } catch {
    return undefined;
  }
}

function refOf(issuer: FederatedIssuer): ForeignIssuerRef {
  return { issuerName: issuer.issuerName, issuerRegion: issuer.issuerRegion, passPageUrl: issuer.passPageUrl };
}
