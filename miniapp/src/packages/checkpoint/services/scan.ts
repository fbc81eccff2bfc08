/**
 * H5: a browser has no WeChat scanner; the checkpoint types the pass number or pastes the QR code's
 * text instead. The WeChat build uses `scan.weapp.ts`.
 */
export const cameraScanAvailable = false;

export function scanQrCode(): Promise<string | null> {
  return Promise.resolve(null);
}
