import Taro from '@tarojs/taro';

/**
 * WeChat: full brightness and the screen kept on while the QR code is shown, so a checkpoint scanner
 * reads it in sunlight. Resolves with the function that restores the driver's own brightness.
 */
export async function raiseBrightness(): Promise<() => void> {
  let previous: number | undefined;
  try {
    previous = (await Taro.getScreenBrightness()).value;
    await Taro.setScreenBrightness({ value: 1 });
    await Taro.setKeepScreenOn({ keepScreenOn: true });
  } catch {
    // not allowed on this phone: the QR code is still shown
  }
  return () => {
    if (previous !== undefined) Taro.setScreenBrightness({ value: previous }).catch(() => undefined);
    Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
  };
}
