import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** From this window width (CSS px) on, officials' and admins' screens are laid out as a desktop workspace. */
export const wideWindow = 1024;

const isWide = () => Taro.getWindowInfo().windowWidth >= wideWindow;

/** Whether the window is a desktop's (≥ 1024 px wide), kept up to date when it is resized. */
export function useWideWindow(): boolean {
  const [wide, setWide] = useState(isWide);
  useEffect(() => {
    const resized = () => setWide(isWide());
    Taro.onWindowResize(resized);
    return () => Taro.offWindowResize(resized);
  }, []);
  return wide;
}
