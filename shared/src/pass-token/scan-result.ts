import { ScanResult } from '../scan.js';
import type { PassVerificationState } from './verify.js';

/**
 * The scan record a checkpoint files for an offline verification. Every failure of the signature
 * chain counts as forged, except an unknown key, which a stale trust list also explains.
 */
export const scanResultOfVerification: Readonly<Record<PassVerificationState, ScanResult>> = {
  valid: ScanResult.Valid,
  expired: ScanResult.Expired,
  not_yet_valid: ScanResult.NotYetValid,
  revoked: ScanResult.Revoked,
  superseded: ScanResult.Superseded,
  unknown_key: ScanResult.NotFound,
  signature_invalid: ScanResult.Forged,
  key_not_valid_at_issue: ScanResult.Forged,
  issuer_mismatch: ScanResult.Forged,
  malformed: ScanResult.Forged,
};
