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

export function writeStored(key: string, value: unknown): void {
  Taro.setStorageSync(key, value);
}

/** 刚刚 / 5分钟前 / 3小时前 / 2天前. */
export function ageText(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '从未';
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes}分钟前`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}小时前`;
  return `${Math.floor(minutes / 1440)}天前`;
}
