import { useState } from 'react';
import { goHome } from '@/services/auth';
import type { Session } from '@/services/session';
import { messageOf } from '@/utils/messages';

/** What a page makes of a refusal: the text to show instead of the error's own message, or undefined. */
export type Refusal = (error: unknown) => string | undefined;

/**
 * A form that ends in a session, its answer shown under its fields rather than in a modal (账号登录,
 * 驾驶员/押运员登录, 企业注册): `busy` while it asks, the refusal as `failure`, and `enter`, which opens the
 * new session's home. Render the end of the form with `<FormSubmit>`.
 */
export function useSessionForm() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  /** Runs `work` with the form busy; a refusal becomes `failure` (`refusal`'s text, else its message or `fallback`). */
  const run = async (fallback: string, work: () => Promise<unknown>, refusal?: Refusal) => {
    setBusy(true);
    setFailure('');
    try {
      await work();
    } catch (error) {
      setFailure(refusal?.(error) ?? messageOf(error, fallback));
    } finally {
      setBusy(false);
    }
  };

  /** Signs in (or up) with `signIn` and opens the session's home. */
  const enter = (fallback: string, signIn: () => Promise<Session>, refusal?: Refusal) =>
    run(
      fallback,
      async () => {
        const session = await signIn();
        await goHome(session.account);
      },
      refusal,
    );

  return { busy, failure, setFailure, run, enter };
}
