import Taro from '@tarojs/taro';

/** WeChat: the camera scanner. */
export const cameraScanAvailable = true;

/** The QR code's text, or null when the scan was cancelled. */
export async function scanQrCode(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result || null;
  } catch {
    return null;
  }
}
