import type { AccountView, Role } from '@pass/shared';
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { roleHome, routes } from '@/services/routes';
import { loadSession } from '@/services/session';
import { messageOf } from '@/utils/messages';

export interface RolePage<T> {
  /** The signed-in account, once it is known to have the page's role. */
  account: AccountView | null;
  /** Signed in with another role: the page shows why and goes to that role's home. */
  denied: boolean;
  data: T | undefined;
  loading: boolean;
  error: string | undefined;
  reload: () => Promise<void>;
}

/**
 * A page of one role (or of the few roles given): each time it shows, checks the session (none: login page; another role: 无权,
 * then that role's home) and only then loads its data, so a wrong role never fires the page's calls.
 */
export function useRolePage<T>(role: Role | readonly Role[], load: (account: AccountView) => Promise<T>): RolePage<T> {
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  const [account, setAccount] = useState<AccountView | null>(null);
  const [denied, setDenied] = useState(false);
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const loadRef = useRef(load);
  loadRef.current = load;
  const accountRef = useRef<AccountView | null>(null);
  // The way home from a denied page, dropped when the user leaves it first (else it would take them
  // away from wherever they went, 1.5 s later).
  const goingHome = useRef<ReturnType<typeof setTimeout>>(undefined);
  const stay = () => clearTimeout(goingHome.current);
  useDidHide(stay);
  useUnload(stay);

  // Loads can overlap (a search typed while the last one is on its way): only the newest may show, or a
  // slower older answer would replace the newer one on screen.
  const latestLoad = useRef(0);
  const reload = useCallback(async () => {
    const current = accountRef.current;
    if (!current) return;
    const mine = ++latestLoad.current;
    setLoading(true);
    try {
      const loaded = await loadRef.current(current);
      if (mine !== latestLoad.current) return;
      setData(loaded);
      setError(undefined);
    } catch (e) {
      if (mine === latestLoad.current) setError(messageOf(e, '加载失败，请稍后重试'));
    } finally {
      if (mine === latestLoad.current) setLoading(false);
    }
  }, []);

  useDidShow(() => {
    const session = loadSession();
    if (!session) {
      Taro.reLaunch({ url: routes.login });
      return;
    }
    // A password an admin set must be replaced before any work.
    if (session.account.mustChangePassword) {
      Taro.reLaunch({ url: routes.password });
      return;
    }
    if (!roles.includes(session.account.role)) {
      setDenied(true);
      const home = roleHome[session.account.role];
      goingHome.current = setTimeout(() => Taro.reLaunch({ url: home }), 1500);
      return;
    }
    accountRef.current = session.account;
    setAccount(session.account);
    reload();
  });

  return { account, denied, data, loading, error, reload };
}
