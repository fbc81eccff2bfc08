/**
 * What a checkpoint concluded about a pass, in words frontline staff act on. A scan is recorded on
 * the device first and uploaded later, so the result is the checkpoint's, not recomputed by the server.
 */
export const ScanResult = {
  Valid: 'valid',
  NotYetValid: 'not_yet_valid',
  Expired: 'expired',
  Revoked: 'revoked',
  Superseded: 'superseded',
  NotFound: 'not_found',
  /** The QR code's signature did not verify: a forged or altered pass. */
  Forged: 'forged',
  /** The pass is genuine but vehicle, crew or route on the road differ from it. */
  Mismatch: 'mismatch',
} as const;

export type ScanResult = (typeof ScanResult)[keyof typeof ScanResult];

export const scanResultNames: Record<ScanResult, string> = {
  valid: '有效',
  not_yet_valid: '未到生效日期',
  expired: '已过期',
  revoked: '已撤销',
  superseded: '已被新证替代',
  not_found: '查无此证',
  forged: '疑似伪造',
  mismatch: '人车线路不符',
};

export const scanResultAdvice: Record<ScanResult, string> = {
  valid: '通行证有效。核对车牌、司乘人员和路线与通行证一致后放行。',
  not_yet_valid: '通行证尚未生效，不能凭此证通行。请告知司机生效日期。',
  expired: '通行证已过期，不能凭此证通行。请告知司机重新申请。',
  revoked: '通行证已被撤销，不能凭此证通行。如有疑问请联系发证单位。',
  superseded: '该证已被同一车辆的新证替代。请司机出示最新的通行证。',
  not_found: '系统中没有这张通行证。请拨打证上发证单位电话核实，核实前不要放行。',
  forged: '二维码验证失败，疑似伪造的通行证。不能放行，请按规定登记并上报。',
  mismatch: '车辆、司乘人员或路线与通行证不符，不能凭此证通行。',
};

export function scanResultAllowsPassage(result: ScanResult): boolean {
  return result === ScanResult.Valid;
}

export const ScanDirection = {
  Inbound: 'inbound',
  Outbound: 'outbound',
} as const;

export type ScanDirection = (typeof ScanDirection)[keyof typeof ScanDirection];

export const scanDirectionNames: Record<ScanDirection, string> = {
  inbound: '驶入',
  outbound: '驶出',
};

/**
 * What the officer did with the vehicle: let it through (驶入/驶出) or stopped it at the gate (拦截).
 * A refused pass is filed as an interception with a reason, never as a passage.
 */
export const ScanKind = {
  Passage: 'passage',
  Interception: 'interception',
} as const;

export type ScanKind = (typeof ScanKind)[keyof typeof ScanKind];

export const scanKindNames: Record<ScanKind, string> = {
  passage: '通行',
  interception: '拦截',
};

export const maxInterceptionReason = 200;
