import Taro from '@tarojs/taro';

/**
 * WeChat: a phone's window does not change width while a page is shown, so it is read once (WeChat on
 * a PC opens mini-programs in a phone-sized window too).
 */
export function useWideWindow(): boolean {
  // The same width as use-wide-window.ts (this file replaces it in the WeChat build).
  return Taro.getWindowInfo().windowWidth >= 1024;
}
