/** The one way the app reads and writes the phone's storage (WeChat storage, localStorage in H5). */
import Taro from '@tarojs/taro';

/** Reads a stored value, or undefined when there is none or storage fails. */
export function readStored<T>(key: string): T | undefined {
  try {
    const value = Taro.getStorageSync<T | ''>(key);
    return value === '' || value === null || value === undefined ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

/** Stores a value; throws when storage is full or refused, for callers that must know it was kept. */
export function writeStored(key: string, value: unknown): void {
  Taro.setStorageSync(key, value);
}

/** Stores a value where losing it costs only a later convenience (an offline copy). */
export function keepStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // storage full: what is shown now is unaffected
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing stored
  }
}
