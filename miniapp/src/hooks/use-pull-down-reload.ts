import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pulling the page down runs `reload`, then ends the pull animation (the page config enables it). */
export function usePullDownReload(reload: () => Promise<unknown>): void {
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
}
