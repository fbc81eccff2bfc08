import { chinaToday, dayNumber } from '../dates.js';
import { jurisdictionCovers } from '../validation/region.js';
import { toHex } from './base64.js';
import { decodePassPayload, type PassClaims, PassTokenFormatError } from './claims.js';
import { type CoseSign1, parseCoseSign1, verifyCoseSign1 } from './cose-sign1.js';
import { verificationText, warningText } from './messages.js';
import { extractTokenFromUrl, scannedPassUrlOrigin } from './pass-url.js';
import type { SignatureChecks } from './signature-schemes.js';
import { PassTokenStatus, type StatusList, statusAt, statusListBits } from './status-list.js';
import {
  findTrustedKeys,
  type IssuingDepartment,
  issuingDepartmentOf,
  isUnofficialOrigin,
  type ResolvedKey,
  type TrustedKey,
  type TrustList,
} from './trust-list.js';

export interface VerifyOptions {
  trustList: TrustList;
  /** Without it the result warns that revocation could not be checked. */
  statusList?: StatusList;
  now?: Date;
  /** Tolerance for the device clock at validity and key-period boundaries. Default 300 s. */
  maxClockSkewSeconds?: number;
  /** Trust or status data older than this is reported in `warnings`. Default 24 h. */
  staleAfterHours?: number;
  /** Checks to use instead of the pure-JS ones, per algorithm (the server passes a native Ed25519). */
  signatureChecks?: SignatureChecks;
}

export type VerificationWarning =
  | { code: 'stale_trust_list'; hoursOld: number; message: string }
  | { code: 'stale_status_list'; hoursOld: number; message: string }
  | { code: 'status_list_missing'; message: string }
  | { code: 'status_not_covered'; message: string }
  /** The scanned URL is not under an official address of the trust list; `origin` is where it points. */
  | { code: 'unofficial_origin'; origin: string | null; message: string };

interface Outcome {
  /** Short Chinese sentence: what the scan found. */
  message: string;
  /** What the checkpoint officer should do. */
  advice: string;
  /** True only for `valid`. */
  allowsPassage: boolean;
  warnings: VerificationWarning[];
}

/** The key that signed, as the trust list names it. */
export interface SignerInfo {
  kid: string;
  issuerName: string;
  issuerRegion: string;
}

interface Signed extends Outcome {
  claims: PassClaims;
  signer: SignerInfo;
  /** The issuing department and its duty phone, from the trust list; null when the list names none. */
  issuingDepartment: IssuingDepartment | null;
}

export type PassVerification =
  | (Signed & { state: 'valid' })
  | (Signed & { state: 'revoked' })
  | (Signed & { state: 'superseded' })
  /** `expiredAt`: the instant validity ended (midnight after `validTo` in China). */
  | (Signed & { state: 'expired'; validTo: string; expiredAt: string })
  /** `validFromAt`: the instant validity begins (midnight before `validFrom` in China). */
  | (Signed & { state: 'not_yet_valid'; validFrom: string; validFromAt: string })
  // The states below carry no claims: the pass must not be shown as if it were genuine.
  | (Outcome & {
      state: 'key_not_valid_at_issue';
      signer: SignerInfo;
      issuedAt: string;
      keyValidFrom: string;
      keyValidTo: string | null;
    })
  | (Outcome & { state: 'issuer_mismatch'; signer: SignerInfo; issuerCode: string })
  | (Outcome & { state: 'signature_invalid'; kid: string })
  | (Outcome & { state: 'unknown_key'; kid: string })
  | (Outcome & { state: 'malformed'; reason: string });

export type PassVerificationState = PassVerification['state'];

type Detail<S extends PassVerificationState> = Omit<Extract<PassVerification, { state: S }>, 'state' | keyof Outcome>;

const millisPerHour = 3_600_000;
const chinaOffsetMillis = 8 * millisPerHour;

function result<S extends PassVerificationState>(
  state: S,
  detail: Detail<S>,
  warnings: VerificationWarning[],
): Extract<PassVerification, { state: S }> {
  const text = verificationText(state, detail as never);
  return { state, ...detail, ...text, allowsPassage: state === 'valid', warnings } as never;
}

/**
 * Instants that recur on every scan (the lists' `generatedAt`, the keys' periods: a few distinct strings
 * a minute), parsed once: `Date.parse` was a measurable part of an online verification (docs/scaling.md
 * §6.7). Not for a token's own `issuedAt`, which differs per pass.
 */
const recurringInstants = new Map<string, number>();

function recurringInstant(iso: string): number {
  let time = recurringInstants.get(iso);
  if (time === undefined) {
    if (recurringInstants.size >= 64) recurringInstants.clear();
    time = Date.parse(iso);
    recurringInstants.set(iso, time);
  }
  return time;
}

function hoursSince(iso: string, now: Date): number {
  const time = recurringInstant(iso);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : Math.floor((now.getTime() - time) / millisPerHour);
}

function dataWarnings(options: VerifyOptions, now: Date): VerificationWarning[] {
  const staleAfter = options.staleAfterHours ?? 24;
  const warnings: VerificationWarning[] = [];
  const trustAge = hoursSince(options.trustList.generatedAt, now);
  if (trustAge > staleAfter) {
    warnings.push({ code: 'stale_trust_list', hoursOld: trustAge, message: warningText.staleTrustList(trustAge) });
  }
  if (!options.statusList) {
    warnings.push({ code: 'status_list_missing', message: warningText.statusListMissing });
  } else {
    const statusAge = hoursSince(options.statusList.generatedAt, now);
    if (statusAge > staleAfter) {
      warnings.push({
        code: 'stale_status_list',
        hoursOld: statusAge,
        message: warningText.staleStatusList(statusAge),
      });
    }
  }
  return warnings;
}

/** The instant a China calendar day begins. */
const startOfChinaDay = (date: string) => new Date(dayNumber(date) * 86_400_000 - chinaOffsetMillis).toISOString();

function signerOf(entry: TrustedKey): SignerInfo {
  return { kid: entry.kid.toLowerCase(), issuerName: entry.issuerName, issuerRegion: entry.issuerRegion };
}

/**
 * A token's envelope, read once (nothing in it checked yet): a server that must know the key id
 * before verifying (whose trust list?) hands this to `verifyPassToken` instead of the bytes, so that
 * a scan is decoded once (docs/scaling.md §6.7).
 */
export type DecodedPassToken = CoseSign1;

/** The envelope of a token, or undefined when it is not one (`verifyPassToken` then says why). */
export function decodePassToken(token: Uint8Array): DecodedPassToken | undefined {
  try {
    return parseCoseSign1(token);
  } catch {
    return undefined;
  }
}

/**
 * The pass number a token claims, read WITHOUT checking its signature: only for looking up the pass's
 * status before the one real check (`verifyPassToken`); never shown or trusted. Undefined when the token
 * cannot be read.
 */
export function unverifiedPassNumber(token: Uint8Array): { passNumber: string; statusIndex: number } | undefined {
  try {
    const claims = decodePassPayload(parseCoseSign1(token).payload);
    return { passNumber: claims.passNumber, statusIndex: claims.statusIndex };
  } catch {
    return undefined;
  }
}

/**
 * Checks a pass token offline, in this order: structure, key, signature, payload, key period at
 * issue, issuer's jurisdiction, revocation, validity dates. Nothing from the payload is read before
 * the signature over it has been verified. `token`: the bytes, or their `decodePassToken`.
 */
export function verifyPassToken(token: Uint8Array | DecodedPassToken, options: VerifyOptions): PassVerification {
  const now = options.now ?? new Date();
  const skewMillis = (options.maxClockSkewSeconds ?? 300) * 1000;
  const warnings = dataWarnings(options, now);

  let message: CoseSign1;
  try {
    message = token instanceof Uint8Array ? parseCoseSign1(token) : token;
  } catch (error) {
    return result('malformed', { reason: (error as Error).message }, warnings);
  }
  const kid = toHex(message.kid);
  const candidates = findTrustedKeys(options.trustList, message.kid);
  if (candidates.length === 0) return result('unknown_key', { kid }, warnings);
  // Only a key of the token's own algorithm can verify it (verifyCoseSign1 refuses the others).
  const key: ResolvedKey | undefined = candidates.find((candidate) =>
    verifyCoseSign1(message, candidate, options.signatureChecks),
  );
  if (!key) return result('signature_invalid', { kid }, warnings);

  let claims: PassClaims;
  try {
    claims = decodePassPayload(message.payload);
  } catch (error) {
    if (!(error instanceof PassTokenFormatError)) throw error;
    return result('malformed', { reason: error.message }, warnings);
  }
  const signer = signerOf(key.entry);
  const issuingDepartment = issuingDepartmentOf(options.trustList, claims.issuerCode) ?? null;

  const issuedAt = Date.parse(claims.issuedAt);
  const keyFrom = recurringInstant(key.entry.validFrom);
  const keyTo = key.entry.validTo === null ? Number.POSITIVE_INFINITY : recurringInstant(key.entry.validTo);
  if (!(issuedAt >= keyFrom - skewMillis && issuedAt <= keyTo + skewMillis)) {
    return result(
      'key_not_valid_at_issue',
      { signer, issuedAt: claims.issuedAt, keyValidFrom: key.entry.validFrom, keyValidTo: key.entry.validTo },
      warnings,
    );
  }
  if (!jurisdictionCovers(key.entry.issuerRegion, claims.issuerCode)) {
    return result('issuer_mismatch', { signer, issuerCode: claims.issuerCode }, warnings);
  }

  if (options.statusList) {
    const bits = statusListBits(options.statusList);
    const status = bits ? statusAt(bits, claims.statusIndex) : undefined;
    if (status === PassTokenStatus.Superseded)
      return result('superseded', { claims, signer, issuingDepartment }, warnings);
    if (status === PassTokenStatus.Revoked || status === PassTokenStatus.Reserved) {
      return result('revoked', { claims, signer, issuingDepartment }, warnings);
    }
    if (status === undefined || issuedAt > recurringInstant(options.statusList.generatedAt)) {
      warnings.push({ code: 'status_not_covered', message: warningText.statusNotCovered });
    }
  }

  // Lenient at both ends by the skew: a checkpoint clock a few minutes off must not turn a truck back.
  if (chinaToday(new Date(now.getTime() + skewMillis)) < claims.validFrom) {
    return result(
      'not_yet_valid',
      {
        claims,
        signer,
        issuingDepartment,
        validFrom: claims.validFrom,
        validFromAt: startOfChinaDay(claims.validFrom),
      },
      warnings,
    );
  }
  if (chinaToday(new Date(now.getTime() - skewMillis)) > claims.validTo) {
    const expiredAt = new Date(Date.parse(startOfChinaDay(claims.validTo)) + 86_400_000).toISOString();
    return result('expired', { claims, signer, issuingDepartment, validTo: claims.validTo, expiredAt }, warnings);
  }
  return result('valid', { claims, signer, issuingDepartment }, warnings);
}

/**
 * The warning for a scanned URL whose address is not one the trust list names as official: a genuine
 * token copied onto a look-alike site must not read as an ordinary valid scan.
 */
export function originWarning(scanned: string, trustList: TrustList): VerificationWarning | undefined {
  const origin = scannedPassUrlOrigin(scanned);
  if (!isUnofficialOrigin(trustList, origin)) return undefined;
  return { code: 'unofficial_origin', origin: origin ?? null, message: warningText.unofficialOrigin(origin) };
}

/**
 * Verifies the token inside a scanned pass URL (or WeChat `q` value); `malformed` when there is none.
 * A URL outside the trust list's official addresses adds an `unofficial_origin` warning.
 */
export function verifyPassUrl(url: string, options: VerifyOptions): PassVerification {
  const token = extractTokenFromUrl(url);
  if (!token) {
    return result('malformed', { reason: 'Not a pass URL' }, dataWarnings(options, options.now ?? new Date()));
  }
  const verification = verifyPassToken(token, options);
  const warning = originWarning(url, options.trustList);
  return warning ? { ...verification, warnings: [warning, ...verification.warnings] } : verification;
}
