import type { Page } from '@pass/shared';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { messageOf } from '@/utils/messages';
import { usePullDownReload } from './use-pull-down-reload';

/**
 * A list read a page at a time: starts from the page the screen loaded (`first`, again after each
 * reload), adds the next one at the bottom of the screen or on 加载更多, and reloads on pull-down.
 * Items already shown are not repeated when the list moved between two pages.
 */
export function useMorePages<T extends { id: string }>(
  first: Page<T> | undefined,
  next: (cursor: string) => Promise<Page<T>>,
  reload: () => Promise<void>,
) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    if (!first) return;
    setItems(first.items);
    setCursor(first.nextCursor);
  }, [first]);

  usePullDownReload(reload);

  const loadMore = async () => {
    if (!cursor || more) return;
    setMore(true);
    try {
      const page = await next(cursor);
      setItems((current) => [...current, ...page.items.filter((i) => !current.some((c) => c.id === i.id))]);
      setCursor(page.nextCursor);
    } catch (e) {
      Taro.showToast({ title: messageOf(e, '加载失败'), icon: 'none' });
    } finally {
      setMore(false);
    }
  };
  useReachBottom(() => {
    loadMore();
  });

  return { items, cursor, more, loadMore };
}
