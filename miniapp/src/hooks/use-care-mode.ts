import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { careModeOn, setCareMode } from '@/services/care-mode';

/**
 * Care mode (长辈模式, see services/care-mode.ts) for a page: whether it is on, the class its root
 * takes (what enlarges it in WeChat), and the switch. Read again whenever the page is shown, since
 * another page may have switched it.
 */
export function useCareMode() {
  const [careMode, setOn] = useState(careModeOn);
  useDidShow(() => setOn(careModeOn()));
  return {
    careMode,
    careClass: careMode ? 'care-mode' : '',
    switchCareMode: (on: boolean) => {
      setCareMode(on);
      setOn(on);
    },
  };
}
