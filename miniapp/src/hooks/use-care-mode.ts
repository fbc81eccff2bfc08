import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { careModeOn, setCareMode } from '@/services/care-mode';

/** Every mounted `useCareMode`, told when the switch changes, so the page root (`Screen`) follows at once. */
const listeners = new Set<(on: boolean) => void>();

/**
 * Care mode (长辈模式, see services/care-mode.ts): whether it is on, the class a page's root takes
 * (what enlarges it in WeChat; `components/screen` puts it there on every page), and the switch.
 * Read again whenever the page is shown, since another page may have switched it.
 */
export function useCareMode() {
  const [careMode, setOn] = useState(careModeOn);
  useDidShow(() => setOn(careModeOn()));
  useEffect(() => {
    listeners.add(setOn);
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return {
    careMode,
    careClass: careMode ? 'care-mode' : '',
    switchCareMode: (on: boolean) => {
      setCareMode(on);
      for (const listener of listeners) listener(on);
    },
  };
}
