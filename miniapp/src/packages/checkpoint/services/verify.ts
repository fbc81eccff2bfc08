import {
  bundleIssuers,
  departmentContact,
  ErrorCode,
  type ForeignIssuerRef,
  type IssuingDepartment,
  issuingDepartmentOf,
  type PassClaims,
  type PassVerification,
  type PassVerificationState,
  ScanResult,
  scanResultAdvice,
  scanResultOfVerification,
  validatePassNumber,
  verifyFederatedUrl,
} from '@pass/shared';
import { ApiError, NetworkError, request } from '@/services/request';
import type { OnlineFacts, OnlineVerification } from '../types';
import { loadBundle } from './bundle';

/** What the result screen shows and the scan record keeps, however the pass was checked. */
export interface Verdict {
  source: 'online' | 'offline';
  state: PassVerificationState | 'not_found';
  result: ScanResult;
  allowsPassage: boolean;
  message: string;
  advice: string;
  warnings: string[];
  /** Present only when the signature verified. */
  claims?: PassClaims;
  facts?: OnlineFacts | null;
  /** Whom to call about the pass: from the trust list (offline) or the server (online). */
  issuingDepartment?: IssuingDepartment | null;
  /** The pass number to record the scan under: from the verified token, or as typed. */
  passNumber?: string;
  /** When the offline data was synced, for an offline verdict. */
  bundleSyncedAt?: string;
  /** Another province's issuer signed the pass (全国互认). */
  foreignIssuer?: ForeignIssuerRef | null;
}

function verdictOf(verification: PassVerification, source: Verdict['source'], facts?: OnlineFacts | null): Verdict {
  const claims = 'claims' in verification ? verification.claims : undefined;
  return {
    source,
    state: verification.state,
    result: scanResultOfVerification[verification.state],
    allowsPassage: verification.allowsPassage,
    message: verification.message,
    advice: verification.advice,
    warnings: verification.warnings.map((w) => w.message),
    claims,
    facts,
    issuingDepartment: 'issuingDepartment' in verification ? verification.issuingDepartment : null,
    passNumber: claims?.passNumber,
  };
}

/** The server could not answer (offline, overloaded, rate-limited): the device's own data decides. */
const unreachable = (error: unknown) =>
  error instanceof ApiError &&
  (error.code === NetworkError || error.code === ErrorCode.RateLimited || error.status >= 500);

/** Checks the token of a scanned pass URL offline, with the synced bundle. */
export function verifyOffline(scanned: string): Verdict {
  const bundle = loadBundle();
  if (!bundle) throw new Error('无法联网，且本机还没有离线核验数据。请联网后在首页同步离线数据。');
  // Exactly as the server verifies: own keys and status list, else the trusted issuer holding the key.
  const { verification, foreignIssuer } = verifyFederatedUrl(scanned, {
    trustList: bundle.trustList,
    statusList: bundle.statusList,
    issuers: bundle.federation ? bundleIssuers(bundle.federation) : [],
  });
  return { ...verdictOf(verification, 'offline'), bundleSyncedAt: bundle.syncedAt, foreignIssuer };
}

/** Online when the server answers (with the facts it adds), offline with the same verifier when not. */
export async function verifyScanned(scanned: string): Promise<Verdict> {
  try {
    const online = await request<OnlineVerification>('/verification/verify', {
      method: 'POST',
      data: { url: scanned },
      anonymous: true,
    });
    return { ...verdictOf(online.verification, 'online', online.facts), foreignIssuer: online.foreignIssuer ?? null };
  } catch (error) {
    if (unreachable(error)) return verifyOffline(scanned);
    throw error;
  }
}

/** A typed 证件编号 (when the QR code cannot be read): only the server can look it up. */
export async function verifyNumber(typed: string): Promise<Verdict> {
  const number = validatePassNumber(typed);
  if (!number.ok) throw new Error(number.message);
  try {
    const online = await request<OnlineVerification>(`/verification/passes/${number.value}`);
    return { ...verdictOf(online.verification, 'online', online.facts), passNumber: number.value };
  } catch (error) {
    if (error instanceof ApiError && error.code === ErrorCode.PassNotFound) {
      // Whom to call comes from the device's own trust list, never from what was typed.
      const trustList = loadBundle()?.trustList;
      const department = trustList ? issuingDepartmentOf(trustList, number.value.slice(0, 6)) : undefined;
      return {
        source: 'online',
        state: 'not_found',
        result: ScanResult.NotFound,
        allowsPassage: false,
        message: `系统中没有编号为${number.value}的通行证`,
        advice: department
          ? `系统中没有这张通行证。请致电签发单位${departmentContact(department)}核实，核实前不要放行。`
          : scanResultAdvice.not_found,
        issuingDepartment: department ?? null,
        warnings: [],
        passNumber: number.value,
      };
    }
    if (unreachable(error)) {
      throw new Error('按编号核验需要联网。网络不可用时请扫描通行证二维码，可离线核验。');
    }
    throw error;
  }
}
