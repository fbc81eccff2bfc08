/**
 * Care mode (长辈模式) in WeChat (see care-mode.ts): it follows WeChat's font size setting until the
 * user switches it in the app. WeChat has no root font to scale (sizes are rpx): pages put the
 * `care-mode` class on their root (`useCareMode`), which app.scss enlarges.
 */
import Taro from '@tarojs/taro';
import { readStored, writeStored } from './storage';

export const careModeKey = 'careMode';

/** WeChat's font size setting in px: 16 is standard, 20 and more is large text. */
function systemWantsCare(): boolean {
  try {
    // WeChat's getAppBaseInfo returns fontSizeSetting; Taro's typings of it leave the field out.
    const info = Taro.getAppBaseInfo() as { fontSizeSetting?: number };
    return (info.fontSizeSetting ?? 16) >= 20;
  } catch {
    return false;
  }
}

export function careModeOn(): boolean {
  return readStored<boolean>(careModeKey) ?? systemWantsCare();
}

export function setCareMode(on: boolean): void {
  writeStored(careModeKey, on);
}
