import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { messageOf } from '@/utils/messages';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: string | undefined;
  reload: () => Promise<void>;
}

/**
 * Loads a page's data each time the page shows, so coming back from a form shows what was saved.
 * Must be called from a page component (it uses the page's show event).
 */
export function useLoader<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(undefined);
    } catch (e) {
      setError(messageOf(e, '加载失败，请稍后重试'));
    } finally {
      setLoading(false);
    }
  }, []);

  useDidShow(() => {
    reload();
  });

  return { data, loading, error, reload };
}
